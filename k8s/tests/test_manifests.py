"""The Kubernetes manifests are well formed, complete, sized, and wired to the layers' real code."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

K8S = Path(__file__).resolve().parents[1]
REPOSITORY = K8S.parent
AIRFLOW_SPARK_APPLICATION = REPOSITORY / "airflow-dags" / "spark" / "scs-batch-run.yaml"
KUSTOMIZE_FILES = {"kustomization.yaml", "kustomizeconfig.yaml"}
MANIFEST_FILES = sorted(
    path for path in K8S.rglob("*.yaml") if "tests" not in path.parts and path.name not in KUSTOMIZE_FILES
)
# The base holds whole resources; an overlay's patches are partial ones, checked only for form.
BASE_MANIFEST_FILES = [path for path in MANIFEST_FILES if path.parent == K8S / "base"]
KUSTOMIZATIONS = sorted(K8S.rglob("kustomization.yaml"))


def documents(path: Path) -> list[dict]:
    return [document for document in yaml.safe_load_all(path.read_text()) if document]


def resources(kind: str, paths=BASE_MANIFEST_FILES) -> list[dict]:
    return [document for path in paths for document in documents(path) if document["kind"] == kind]


def base_resource(kind: str, name: str) -> dict:
    (found,) = [document for document in resources(kind) if document["metadata"]["name"] == name]
    return found


SPARK_APPLICATIONS = resources("SparkApplication", BASE_MANIFEST_FILES + [AIRFLOW_SPARK_APPLICATION])
CONFIG_MAPS = {document["metadata"]["name"]: document["data"] for document in resources("ConfigMap")}


def java_containers() -> list[tuple[str, dict]]:
    """(where, pod spec part with env) of every JVM the manifests start."""
    found = []
    for application in SPARK_APPLICATIONS:
        where = f"SparkApplication {application['metadata']['name']} driver"
        found.append((where, application["spec"]["driver"]))
    for deployment in resources("Deployment"):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            found.append((f"Deployment {deployment['metadata']['name']} {container['name']}", container))
    return found


def test_there_are_manifests_to_check():
    assert len(MANIFEST_FILES) >= 8
    assert len(KUSTOMIZATIONS) == 2


@pytest.mark.parametrize("path", MANIFEST_FILES, ids=lambda path: str(path.relative_to(K8S)))
def test_every_manifest_has_api_version_kind_and_name(path):
    for document in documents(path):
        assert document.get("apiVersion"), f"{path.name}: a document without apiVersion"
        assert document.get("kind"), f"{path.name}: a document without kind"
        assert document.get("metadata", {}).get("name"), f"{path.name}: a {document['kind']} without a name"


def files_named_by(kustomization: dict) -> list[str]:
    named = list(kustomization.get("resources", [])) + list(kustomization.get("configurations", []))
    named += [patch["path"] for patch in kustomization.get("patches", []) if "path" in patch]
    for generator in kustomization.get("secretGenerator", []) + kustomization.get("configMapGenerator", []):
        named += [entry.split("=", 1)[-1] for entry in generator.get("files", [])]
        named += generator.get("envs", [])
    return named


@pytest.mark.parametrize("path", KUSTOMIZATIONS, ids=lambda path: str(path.parent.relative_to(K8S)))
def test_kustomizations_name_only_files_that_exist(path):
    for name in files_named_by(yaml.safe_load(path.read_text())):
        target = path.parent / name
        assert target.is_file() or (target / "kustomization.yaml").is_file(), f"{path}: {name} does not exist"


def test_every_manifest_in_base_is_listed_in_its_kustomization():
    listed = set(yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())["resources"])
    on_disk = {path.name for path in (K8S / "base").glob("*.yaml")} - KUSTOMIZE_FILES
    assert on_disk == listed


def test_every_container_requests_and_limits_cpu_and_memory():
    for deployment in resources("Deployment"):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            limits = container["resources"]
            for bound in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(limits.get(bound, {})), f"{container['name']}: no {bound}"


@pytest.mark.parametrize("application", SPARK_APPLICATIONS, ids=lambda app: app["metadata"]["name"])
def test_every_spark_pod_requests_cores_and_memory_and_limits_cores(application):
    # The operator turns cores into the CPU request, coreLimit into the CPU limit, and memory
    # (plus overhead) into both memory request and limit.
    for role in ("driver", "executor"):
        assert {"cores", "coreLimit", "memory"} <= set(application["spec"][role]), f"{role} is not sized"


@pytest.mark.parametrize(
    "name, module, main_class",
    [
        ("scs-speed-layer", "speed-layer", "dev.scs.speed.SpeedLayerMain"),
        ("scs-batch-run", "batch-layer", "dev.scs.batch.BatchLayerMain"),
    ],
)
def test_spark_apps_run_the_main_class_of_their_layers_shaded_jar(name, module, main_class):
    source = REPOSITORY / module / "src" / "main" / "java" / (main_class.replace(".", "/") + ".java")
    assert source.is_file(), f"{main_class} is not in {module}"
    applications = [app for app in SPARK_APPLICATIONS if app["metadata"]["name"] == name]
    assert applications
    for application in applications:
        assert application["spec"]["mainClass"] == main_class
        jar = application["spec"]["mainApplicationFile"]
        # Airflow's copy takes the jar from a DAG param, checked by airflow-dags/tests.
        if "{{" not in jar:
            assert re.search(rf"/scs-{module}-[^/]*-shaded\.jar$", jar), jar


def test_speed_layer_is_restarted_always_and_a_batch_run_never():
    assert base_resource("SparkApplication", "scs-speed-layer")["spec"]["restartPolicy"]["type"] == "Always"
    assert base_resource("SparkApplication", "scs-batch-run")["spec"]["restartPolicy"]["type"] == "Never"
    assert base_resource("SparkApplication", "scs-batch-run")["spec"]["arguments"][0] == "run"


def keys_in(config_class) -> set[str]:
    """The keys a config class declares: its `public static final String X = "key";` lines."""
    return set(re.findall(r'static final String \w+ = "([a-z.-]+)";', config_class.read_text()))


def settings_of(module: str) -> set[str]:
    """The keys a layer knows: its own config class's, and the shared store addresses."""
    (config_class,) = (REPOSITORY / module / "src" / "main" / "java").rglob("*LayerConfig.java")
    store_settings = REPOSITORY / "stores/src/main/java/dev/scs/stores/StoreSettings.java"
    return keys_in(config_class) | keys_in(store_settings)


@pytest.mark.parametrize("layer", ["speed-layer", "batch-layer", "serving-layer"])
def test_config_map_keys_are_settings_the_layer_knows(layer):
    # The layers ignore system properties they do not know, so a misspelt key would go unnoticed.
    known = settings_of(layer)
    assert known, f"no settings found in {layer}'s config class"
    assert set(CONFIG_MAPS[f"scs-{layer}"]) <= known


def label(value) -> str:
    """Test ids from the string parameters only."""
    return value if isinstance(value, str) else ""


@pytest.mark.parametrize("where, spec", java_containers(), ids=label)
def test_every_config_map_key_reaches_the_jvm_as_a_system_property(where, spec):
    environment = {variable["name"]: variable for variable in spec["env"]}
    options = environment["JDK_JAVA_OPTIONS"]["value"].split()
    referenced = {
        variable["valueFrom"]["configMapKeyRef"]["name"]
        for variable in environment.values()
        if "configMapKeyRef" in variable.get("valueFrom", {})
    }
    assert len(referenced) == 1, f"{where} reads {referenced}"
    (config_map,) = referenced
    for key in CONFIG_MAPS[config_map]:
        (option,) = [option for option in options if option.startswith(f"-D{key}=$(")]
        variable = option[len(f"-D{key}=$(") : -1]
        source = environment[variable]["valueFrom"]["configMapKeyRef"]
        assert source == {"name": config_map, "key": key}, where
    # The secrets' argfile comes last, so that it may override a ConfigMap value.
    assert options[-1] == "@/etc/scs/secrets/java-options", where


def test_serving_layer_listens_and_reports_ready_on_8090():
    deployment = base_resource("Deployment", "scs-serving-layer")
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    (port,) = container["ports"]
    service = base_resource("Service", "scs-serving-layer")

    assert port == {"name": "http", "containerPort": 8090}
    assert container["readinessProbe"]["httpGet"] == {"path": "/health", "port": "http"}
    assert CONFIG_MAPS["scs-serving-layer"]["http.port"] == "8090"
    assert service["spec"]["ports"][0]["port"] == 8090
    assert service["spec"]["selector"].items() <= deployment["spec"]["template"]["metadata"]["labels"].items()


def test_serving_layer_runs_with_zgc_like_scs_serve():
    # G1's young pauses set the lookup p99 (BENCHMARKS.md, serving layer); ./scs serve picks ZGC.
    (container,) = base_resource("Deployment", "scs-serving-layer")["spec"]["template"]["spec"]["containers"]
    command = container["command"]
    assert "-XX:+UseZGC" in command[: command.index("-jar")]
    assert "SCS_JAVA_GC:--XX:+UseZGC" in (REPOSITORY / "scs").read_text()


def test_speed_layer_driver_serves_prometheus_metrics_on_9464():
    driver = base_resource("SparkApplication", "scs-speed-layer")["spec"]["driver"]
    (port,) = driver["ports"]

    assert port == {"name": "metrics", "containerPort": 9464, "protocol": "TCP"}
    assert driver["annotations"] == {
        "prometheus.io/scrape": "true",
        "prometheus.io/port": "9464",
        "prometheus.io/path": "/metrics",
    }
    assert CONFIG_MAPS["scs-speed-layer"]["speed.metrics-address"] == "0.0.0.0:9464"


def test_stores_are_reached_through_cluster_service_names():
    store_keys = (
        "kafka.bootstrap-servers",
        "cassandra.contact-point",
        "mongodb.uri",
        "influxdb.url",
        "dgraph.address",
    )
    for name, data in CONFIG_MAPS.items():
        for key in set(store_keys) & set(data):
            assert ".svc.cluster.local:" in data[key], f"{name} {key}={data[key]}"


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl (with kustomize) is not installed")
def test_dev_overlay_renders_into_the_scs_namespace_with_tagged_images():
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(K8S / "overlays" / "dev")], capture_output=True, text=True, check=True
    ).stdout
    manifests = [document for document in yaml.safe_load_all(rendered) if document]
    namespaced = [m for m in manifests if m["kind"] != "Namespace"]

    assert {m["metadata"].get("namespace") for m in namespaced} == {"scs"}
    images = re.findall(r"image: (\S+)", rendered)
    assert images and all(image.endswith(":0.1.0-SNAPSHOT") for image in images), images
    assert any(m["kind"] == "Secret" and m["metadata"]["name"] == "scs-layer-secrets" for m in manifests)
