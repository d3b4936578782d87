"""Personalized support plans (plans d'accompagnement personnalisés): agreement, objectives,
actions, follow-ups, extension, end.
"""
