"""Feedback: the short surveys participants and partner organizations answer (issue 17)."""
