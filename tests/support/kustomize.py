"""A small Kustomize renderer for the suite: what deploy/k8s/ uses and nothing more
(resources, namespace, images, replicas, JSON 6902 patches with a target), so that the
manifests are checked offline without the kustomize binary. Anything else in a
kustomization.yaml is refused rather than ignored; where kubectl is installed, the
tests compare this renderer's output with `kubectl kustomize`.
"""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches"}
CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "PersistentVolume",
    "StorageClass",
    "PriorityClass",
    "IngressClass",
}
SCALABLE = {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}


def render(directory: Path) -> list[dict]:
    """The documents ``kustomize build directory`` would print (order aside)."""
    kustomization = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(kustomization) - SUPPORTED
    if unknown:
        raise NotImplementedError(f"{directory}: unsupported fields {sorted(unknown)}")
    documents: list[dict] = []
    for entry in kustomization.get("resources", []):
        path = (directory / entry).resolve()
        if path.is_dir():
            documents += render(path)
        else:
            documents += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    for patch in kustomization.get("patches", []):
        operations = yaml.safe_load((directory / patch["path"]).read_text())
        targets = [doc for doc in documents if _matches(doc, patch["target"])]
        if not targets:
            raise ValueError(f"{directory}: patch {patch['path']} matches nothing")
        for doc in targets:
            for operation in operations:
                _apply(doc, operation)
    for image in kustomization.get("images", []):
        for container in (c for doc in documents for c in containers(doc)):
            name, tag = split_image(container["image"])
            if name == image["name"]:
                name = image.get("newName", name)
                tag = f":{image['newTag']}" if "newTag" in image else tag
                if "digest" in image:
                    tag = f"@{image['digest']}"
                container["image"] = name + tag
    for replicas in kustomization.get("replicas", []):
        matched = [
            doc
            for doc in documents
            if doc["kind"] in SCALABLE and doc["metadata"]["name"] == replicas["name"]
        ]
        if not matched:
            raise ValueError(f"{directory}: replicas for unknown {replicas['name']}")
        for doc in matched:
            doc["spec"]["replicas"] = replicas["count"]
    if "namespace" in kustomization:
        for doc in documents:
            if doc["kind"] not in CLUSTER_SCOPED:
                doc["metadata"]["namespace"] = kustomization["namespace"]
    return copy.deepcopy(documents)


def pod_spec(doc: dict) -> dict | None:
    spec = doc.get("spec", {})
    if doc["kind"] == "CronJob":
        return spec["jobTemplate"]["spec"]["template"]["spec"]
    if "template" in spec:
        return spec["template"]["spec"]
    return None


def containers(doc: dict) -> list[dict]:
    pod = pod_spec(doc)
    if pod is None:
        return []
    return [*pod.get("initContainers", []), *pod.get("containers", [])]


def split_image(image: str) -> tuple[str, str]:
    """("registry:5000/name", ":tag" or "@sha256:…" or "")."""
    if "@" in image:
        name, digest = image.split("@", 1)
        return name, f"@{digest}"
    slash = image.rfind("/")
    colon = image.rfind(":")
    if colon > slash:
        return image[:colon], image[colon:]
    return image, ""


def _matches(doc: dict, target: dict) -> bool:
    return all(
        (doc["kind"] if key == "kind" else doc["metadata"].get(key)) == value
        for key, value in target.items()
    )


def _pointer(path: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in path.split("/")[1:]]


def _apply(doc: dict, operation: dict) -> None:
    """One RFC 6902 operation: add, replace or remove."""
    *parents, last = _pointer(operation["path"])
    node = doc
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    op = operation["op"]
    value = copy.deepcopy(operation.get("value"))
    if isinstance(node, list):
        if op == "add":
            node.insert(len(node) if last == "-" else int(last), value)
        elif op == "replace":
            node[int(last)] = value
        elif op == "remove":
            del node[int(last)]
        else:
            raise NotImplementedError(op)
    else:
        if op == "add":
            node[last] = value
        elif op == "replace":
            if last not in node:
                raise KeyError(f"replace of missing {operation['path']}")
            node[last] = value
        elif op == "remove":
            del node[last]
        else:
            raise NotImplementedError(op)
