# One image for the migrate, web, worker and beat services (docker-compose.yml) and the
# Kubernetes Deployments and Job (deploy/k8s/). Migrations are not run here nor on web's
# start: the one-off `migrate` service (compose) or Job (Kubernetes) runs them once.
# The fonts are those of the certificate PDFs (courses/certificate_pdf/fonts.py).
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.production

RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g gettext \
        fonts-noto-core fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv==0.13.9 \
    && useradd --create-home --uid 1000 concord

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY --chown=concord:concord . .
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/certificates /app/var/credentials /app/var/beat && chown -R concord:concord /app/var

USER concord
EXPOSE 8000
# --preload: workers fork from a loaded application, so one killed is replaced at once.
CMD ["gunicorn", "config.wsgi:application", "--preload", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
