# syntax=docker/dockerfile:1
FROM python:3.12-slim

RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY requirements.txt .
COPY app/ ./app/
RUN --mount=type=cache,target=/root/.cache/pip \
    --mount=type=secret,id=pip_conf,target=/etc/pip.conf \
    pip install -r requirements.txt

USER app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
