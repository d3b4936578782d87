"""The Ontario configuration: Employment Ontario fast track, common assessment, action plans,
ODSP centralized intake.
"""
