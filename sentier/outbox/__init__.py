"""The outbox: messages to deliver outside Sentier, written in the same transaction as their cause
(:func:`sentier.outbox.actions.enqueue`) and delivered by a worker with retries
(:mod:`sentier.outbox.delivery`) through the channel each capability registers (ADR 0011)."""
