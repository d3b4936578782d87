"""Closed-loop referrals to partner organizations, the partner portal, the delivery outbox."""
