"""Monthly statement and expense-claim pages (namespace ``paas:…`` through ``paas/urls.py``)."""

urlpatterns: list[object] = []
