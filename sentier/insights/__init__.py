"""Insights: indicators, disclosure control and the dashboards that evaluate pilots (issue 17)."""
