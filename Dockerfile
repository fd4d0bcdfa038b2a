# The app image: pinned, hash-checked dependencies from requirements.lock.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

WORKDIR /app
RUN useradd --create-home --uid 1000 attune

COPY requirements.lock ./
RUN python -m pip install --require-hashes -r requirements.lock

COPY --chown=attune:attune . .
# collectstatic needs a key to import settings; this one exists only at build time.
RUN SECRET_KEY=build-only-not-secret SITE_URL=https://build.invalid python manage.py collectstatic --noinput

USER attune
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi:application"]
