FROM python:3.12-slim

ARG PIP_INDEX_URL=https://ci-deploy:glx-7f3a9c2e1b@pypi.internal.example.com/simple

RUN useradd --create-home --uid 10001 app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/

USER app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
