import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
application = get_wsgi_application()

# Everything loaded so far lives as long as the process. gunicorn --preload loads it once
# in the master and forks the workers: frozen, the collector of a worker never walks
# those objects (nor writes to them, which would copy their memory pages into the worker).
gc.freeze()
