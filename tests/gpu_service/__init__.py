"""Tests of gpu_service/: manifests, checkov, pins and the load test."""
