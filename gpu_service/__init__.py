"""PMark3's GPU service: vLLM manifests, serving settings and the load test."""
