"""Exchange with partner systems: API keys, webhook delivery from the outbox, FHIR export."""
