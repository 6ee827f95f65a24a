"""The command that runs PMark3's vLLM server on a single GPU VM, outside Kubernetes.

It reads the model and flags from the Deployment manifests, so the VM and AKS serve the same
model the same way (one source of truth). Prints the command; ``--exec`` runs it.

    python gpu_service/serve_command.py llm            # docker run ... (image built from Dockerfile)
    python gpu_service/serve_command.py embed --pip    # vllm serve ... (pip install -r requirements.txt)
"""

from __future__ import annotations

import argparse
import os
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
MANIFESTS = {"llm": HERE / "k8s" / "llm-deployment.yaml", "embed": HERE / "k8s" / "embed-deployment.yaml"}
LOCAL_PORTS = {"llm": 8000, "embed": 8001}
#: Where the chat template lives inside the image (Dockerfile) and in this folder.
IMAGE_TEMPLATE = "/opt/pmark3/chat_template.jinja"


def container(target: str) -> dict[str, Any]:
    """The vLLM container spec of the ``llm`` or ``embed`` Deployment."""
    doc = yaml.safe_load(MANIFESTS[target].read_text(encoding="utf-8"))
    spec: dict[str, Any] = doc["spec"]["template"]["spec"]["containers"][0]
    return spec


def _replace(args: list[str], values: dict[str, str]) -> list[str]:
    out = list(args)
    for flag, value in values.items():
        out[out.index(flag) + 1] = value
    return out


def command(
    target: str,
    *,
    pip: bool = False,
    port: int | None = None,
    cache: str = "~/.cache/huggingface",
    image: str | None = None,
    gpu_memory_utilization: float | None = None,
) -> list[str]:
    """The ``docker run`` (default) or ``vllm serve`` (``pip``) command for ``target``."""
    spec = container(target)
    port = port or LOCAL_PORTS[target]
    # Both servers may share one GPU on a VM: lower the memory share there (README.md).
    overrides = {} if gpu_memory_utilization is None else {"--gpu-memory-utilization": f"{gpu_memory_utilization:g}"}
    if pip:
        # Outside the image the template is this folder's copy; the server binds to localhost only.
        args = [str(HERE / "chat_template.jinja") if a == IMAGE_TEMPLATE else a for a in spec["args"]]
        return ["vllm", "serve", *_replace(args, {"--port": str(port), "--host": "127.0.0.1", **overrides})]
    return [
        "docker",
        "run",
        "--rm",
        "--gpus",
        "all",
        "--ipc=host",
        "--user",
        f"{os.getuid()}:{os.getgid()}",
        "-p",
        f"127.0.0.1:{port}:8000",
        "-v",
        f"{os.path.expanduser(cache)}:/data/huggingface",
        "--env",
        "HF_TOKEN",
        image or spec["image"],
        *_replace(spec["args"], overrides),
    ]


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("target", choices=sorted(MANIFESTS))
    p.add_argument("--pip", action="store_true", help="vllm serve from a pip install instead of docker run")
    p.add_argument("--port", type=int, default=None)
    p.add_argument("--image", default=None, help="image to run (default: the manifest's)")
    p.add_argument("--gpu-memory-utilization", type=float, default=None, help="override the manifest's share")
    p.add_argument("--exec", action="store_true", help="run the command instead of printing it")
    args = p.parse_args(argv)
    cmd = command(
        args.target, pip=args.pip, port=args.port, image=args.image, gpu_memory_utilization=args.gpu_memory_utilization
    )
    if args.exec:
        os.execvp(cmd[0], cmd)
    print(shlex.join(cmd))


if __name__ == "__main__":
    main()
