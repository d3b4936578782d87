"""WSGI entry point (gunicorn config.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# One BLAS thread a process, as the `sentier` command (sentier/cli.py): the web scales by processes.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
application = get_wsgi_application()
# The objects of the loaded project (about 130,000: models, settings, modules) live as long as
# the process: kept out of the garbage collector's full passes, which otherwise walk them all
# every few dozen requests (2.7 ms a file page on average, 0.6 ms with them kept out).
gc.freeze()
