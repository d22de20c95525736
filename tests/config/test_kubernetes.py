"""The Kubernetes manifests (deploy/k8s/: a Kustomize base and the dev and prod
overlays), rendered offline and validated against the Kubernetes schemas
(kubernetes-validate), and the invariants a replicated deployment needs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from config.storage_url import parse_storage_url
from tests.support.deployment import longest_task_time_limit, settings_env_vars
from tests.support.kustomize import containers, pod_spec, render

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
OVERLAYS = ["dev", "prod"]
# The oldest Kubernetes still maintained upstream, and the newest the schemas know.
VERSIONS = ["1.32", kubernetes_validate.utils.latest_version()]
SECRETS = {
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "OIDC_PROVIDERS",
}
APP = ("migrate", "web", "worker", "beat")


def rendered(overlay: str) -> list[dict]:
    return render(K8S / "overlays" / overlay)


def one(documents, kind, name):
    (found,) = [d for d in documents if d["kind"] == kind and d["metadata"]["name"] == name]
    return found


def key(doc):
    return (doc["kind"], doc["metadata"]["name"])


@pytest.fixture(params=OVERLAYS)
def overlay(request):
    return request.param


def test_the_renderer_agrees_with_kustomize_where_it_is_installed(overlay):
    tool = shutil.which("kubectl") or shutil.which("kustomize")
    if tool is None:
        pytest.skip("neither kubectl nor kustomize is installed")
    command = [tool, "kustomize" if tool.endswith("kubectl") else "build"]
    result = subprocess.run(
        [*command, str(K8S / "overlays" / overlay)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    theirs = {key(d): d for d in yaml.safe_load_all(result.stdout) if d}
    ours = {key(d): d for d in rendered(overlay)}
    assert ours == theirs


def test_every_document_is_valid_against_the_kubernetes_schemas(overlay):
    documents = rendered(overlay)
    assert len(documents) >= 9
    for doc in documents:
        for version in VERSIONS:
            # Strict: a misspelt or misplaced field fails instead of being ignored.
            kubernetes_validate.validate(doc, version, strict=True)


def test_the_overlays_render_the_whole_application(overlay):
    documents = rendered(overlay)
    kinds = {key(d) for d in documents}
    assert {
        ("ConfigMap", "concord-config"),
        ("Job", "migrate"),
        ("Deployment", "web"),
        ("Service", "web"),
        ("HorizontalPodAutoscaler", "web"),
        ("PodDisruptionBudget", "web"),
        ("Deployment", "worker"),
        ("Deployment", "beat"),
        ("Ingress", "web"),
    } <= kinds
    namespace = {"dev": "concord-dev", "prod": "concord"}[overlay]
    assert {d["metadata"]["namespace"] for d in documents} == {namespace}
    # PostgreSQL, Redis and the object store are external: nothing here runs them.
    images = {c["image"] for d in documents for c in containers(d)}
    assert len(images) == 1, images
    assert not re.search(r"postgres|redis|minio", next(iter(images)))


def test_exactly_one_beat(overlay):
    documents = rendered(overlay)
    beats = [
        d
        for d in documents
        for c in containers(d)
        if c.get("command", [])[:4] == ["celery", "-A", "config", "beat"]
    ]
    assert [key(d) for d in beats] == [("Deployment", "beat")]
    beat = beats[0]
    assert beat["spec"]["replicas"] == 1
    # Recreate: the old scheduler is gone before the new one starts.
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    scaled = {d["spec"]["scaleTargetRef"]["name"] for d in documents if d["kind"].startswith("Hor")}
    assert scaled == {"web"}
    for doc in documents:
        for container in containers(doc):
            assert "--beat" not in " ".join(container.get("command", [])), key(doc)


def test_every_long_running_container_has_probes(overlay):
    """A Job's container runs to completion (its deadline and back-off limit are its
    health); every other container has a readiness and a liveness probe."""
    for doc in rendered(overlay):
        if doc["kind"] in {"Job", "CronJob"}:
            continue
        for container in containers(doc):
            for probe in ("readinessProbe", "livenessProbe"):
                assert probe in container, f"{key(doc)} {container['name']}: no {probe}"
    web = one(rendered(overlay), "Deployment", "web")
    (container,) = containers(web)
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz/"
    assert container["readinessProbe"]["httpGet"]["port"] == "http"
    migrate = one(rendered(overlay), "Job", "migrate")
    assert migrate["spec"]["activeDeadlineSeconds"] and migrate["spec"]["backoffLimit"]


def test_every_container_has_resource_requests_and_limits(overlay):
    for doc in rendered(overlay):
        for container in containers(doc):
            resources = container.get("resources", {})
            for bound in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(resources.get(bound, {})), (
                    f"{key(doc)} {container['name']}: {bound}"
                )


def test_no_secret_value_is_in_a_manifest(overlay):
    documents = rendered(overlay)
    assert not [d for d in documents if d["kind"] == "Secret"]
    config = one(documents, "ConfigMap", "concord-config")
    assert not SECRETS & set(config["data"])
    for doc in documents:
        for container in containers(doc):
            for variable in container.get("env", []):
                if variable["name"] in SECRETS:
                    assert "value" not in variable, variable
                    ref = variable["valueFrom"]["secretKeyRef"]
                    assert ref["name"] == "concord-secrets"
                    assert ref["key"] == variable["name"]
    text = "\n".join(yaml.safe_dump(d) for d in documents)
    # No URL with a user name or password, no private key, nothing that looks like one.
    assert not re.search(r"://[^/\s@]+:[^/\s@]+@", text)
    assert "PRIVATE KEY" not in text
    for line in text.splitlines():
        assert not re.search(r"(?i)(password|secret_key|token)\s*:\s*\S", line), line


def test_every_variable_the_settings_read_is_given_to_every_app_container(overlay):
    documents = rendered(overlay)
    maps = {d["metadata"]["name"]: d["data"] for d in documents if d["kind"] == "ConfigMap"}
    wanted = settings_env_vars()
    for name in APP:
        doc = one(documents, "Job" if name == "migrate" else "Deployment", name)
        (container,) = containers(doc)
        given = {variable["name"] for variable in container.get("env", [])}
        for source in container.get("envFrom", []):
            given |= set(maps[source["configMapRef"]["name"]])
        missing = wanted - given
        assert not missing, f"{name}: {sorted(missing)} not given"
    config = maps["concord-config"]
    # Files in the object store, named without credentials (the parser refuses them).
    assert parse_storage_url(config["STORAGE_URL"])["bucket_name"] == "concord-files"
    assert config["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert config["DEBUG"] == "False" and config["CREDENTIALS_CREATE_KEY"] == "False"
    assert config["TRUSTED_PROXY_COUNT"] == "1"


def test_the_worker_outlives_its_longest_task_when_stopped(overlay):
    worker = one(rendered(overlay), "Deployment", "worker")
    assert pod_spec(worker)["terminationGracePeriodSeconds"] > longest_task_time_limit()


def test_migrations_run_in_the_job_only(overlay):
    documents = rendered(overlay)
    (migrate,) = containers(one(documents, "Job", "migrate"))
    assert "manage.py migrate --noinput" in " ".join(migrate["command"])
    assert pod_spec(one(documents, "Job", "migrate"))["restartPolicy"] in {"OnFailure", "Never"}
    for name in ("web", "worker", "beat"):
        (container,) = containers(one(documents, "Deployment", name))
        assert "migrate" not in " ".join(container["command"]), name


def test_web_is_served_through_its_service_and_ingress_and_scaled_on_cpu(overlay):
    documents = rendered(overlay)
    web = one(documents, "Deployment", "web")
    assert "replicas" not in web["spec"], "the HPA owns web's replica count"
    labels = web["spec"]["template"]["metadata"]["labels"]
    assert web["spec"]["selector"]["matchLabels"].items() <= labels.items()
    service = one(documents, "Service", "web")
    assert service["spec"]["selector"].items() <= labels.items()
    (container,) = containers(web)
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert service["spec"]["ports"][0]["targetPort"] in ports
    pdb = one(documents, "PodDisruptionBudget", "web")
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    hpa = one(documents, "HorizontalPodAutoscaler", "web")
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "web",
    }
    (metric,) = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert (
        hpa["spec"]["minReplicas"] >= 1 and hpa["spec"]["maxReplicas"] > hpa["spec"]["minReplicas"]
    )
    ingress = one(documents, "Ingress", "web")
    backends = [
        path["backend"]["service"]["name"]
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    ]
    assert backends == ["web"]
    config = one(documents, "ConfigMap", "concord-config")
    host = ingress["spec"]["rules"][0]["host"]
    assert config["data"]["ALLOWED_HOSTS"] == host
    assert config["data"]["SITE_URL"] == f"https://{host}"


def test_the_signing_keys_come_from_a_secret_mounted_read_only(overlay):
    documents = rendered(overlay)
    folder = one(documents, "ConfigMap", "concord-config")["data"]["CREDENTIALS_KEY_DIR"]
    for kind, name in (("Job", "migrate"), ("Deployment", "web"), ("Deployment", "worker")):
        doc = one(documents, kind, name)
        volumes = {v["name"]: v for v in pod_spec(doc)["volumes"]}
        (container,) = containers(doc)
        (mount,) = [m for m in container["volumeMounts"] if m["mountPath"] == folder]
        assert mount["readOnly"] is True
        assert volumes[mount["name"]]["secret"]["secretName"] == "concord-credential-keys"


def test_the_prod_overlay_runs_more_of_everything_than_dev():
    dev, prod = rendered("dev"), rendered("prod")

    def minimum(documents):
        return one(documents, "HorizontalPodAutoscaler", "web")["spec"]["minReplicas"]

    assert minimum(prod) > minimum(dev)
    assert (
        one(prod, "Deployment", "worker")["spec"]["replicas"]
        > one(dev, "Deployment", "worker")["spec"]["replicas"]
    )
    (image,) = {c["image"] for d in prod for c in containers(d)}
    assert image.rsplit(":", 1)[1] not in {"latest", "dev"}
