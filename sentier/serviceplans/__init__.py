"""Multi-agency service plans (plans de services) decided by the Ministry coordinator, and the
regional support networks.
"""
