# The tradeoff server: `tradeoff serve` on the catalog compiled into the wheel (docs/deploy.md).
#
# Stateless and read-only: the image holds the code and the compiled catalog, nothing is
# written at run time, so it runs with a read-only root filesystem and no volume, as a
# non-root user, N replicas behind a CDN. A new catalog is a new image (a new tag).
#
# Build (deploy/build-image does all of it, with docker or podman):
#   1. the wheelhouse, on the host: the project's wheel (it carries the compiled catalog)
#      and its dependencies, pinned by constraints.txt:
#        python -m build --no-isolation --wheel --outdir wheelhouse .
#        pip download -d wheelhouse -c constraints.txt .
#   2. docker build -t tradeoff:CATALOG_VERSION .
#      (nothing is fetched from a package index inside the build: --no-index)
# Run:
#   docker run --read-only -p 8000:8000 -e TRADEOFF_BASE_URL=https://tradeoff.example \
#     tradeoff:CATALOG_VERSION
#
# BASE: any image with Python 3.11 (python3 and its venv module); pin it by digest in
# production. Machines without registry access build from a local one (deploy/build-image
# --base localhost/debian-python:bookworm, made with debootstrap).
ARG BASE=python:3.11-slim-bookworm

FROM ${BASE} AS install
COPY wheelhouse /wheels
RUN python3 -m venv /opt/tradeoff \
    && /opt/tradeoff/bin/pip install --no-cache-dir --no-index --find-links /wheels tradeoff \
    && /opt/tradeoff/bin/tradeoff --version

FROM ${BASE}
COPY --from=install /opt/tradeoff /opt/tradeoff
ENV PATH=/opt/tradeoff/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/nonexistent \
    TRADEOFF_HOST=0.0.0.0 \
    TRADEOFF_PORT=8000 \
    TRADEOFF_WORKERS=2 \
    TRADEOFF_BASE_URL=http://localhost:8000
# A numeric user with no home and no shell login: it owns nothing in the image.
USER 10001:10001
WORKDIR /opt/tradeoff
EXPOSE 8000
# /healthz: the catalog version, no page built; any Host is answered there.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['TRADEOFF_PORT'] + '/healthz', timeout=2)"]
ENTRYPOINT ["tradeoff"]
CMD ["serve"]
