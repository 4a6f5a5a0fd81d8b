"""The terraform files parse and hang together. A stand-in for `terraform validate`, which needs
provider downloads these machines cannot make (terraform/README.md)."""

import re
from pathlib import Path

import hcl2
import pytest
import yaml

TERRAFORM = Path(__file__).resolve().parents[1]
REPOSITORY = TERRAFORM.parent
TF_FILES = sorted(TERRAFORM.glob("*.tf"))
COMPONENT_FILES = [
    TERRAFORM / f"{name}.tf"
    for name in ("redpanda", "scylladb", "mongodb", "influxdb", "dgraph", "spark-operator", "airflow")
]
TEMPLATE_FILE_CALL = re.compile(r'templatefile\("\$\{path\.module\}/([^"]+)",\s*\{(.*?)\}\)', re.S)
FILE_CALL = re.compile(r'\bfile\("\$\{path\.module\}/([^"]+)"\)')


def unquote(value):
    """python-hcl2 keeps the quotes of string literals and block labels."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def without_metadata(value):
    """python-hcl2 adds keys such as __is_block__ and __comments__ to what it parses."""
    if isinstance(value, dict):
        return {key: without_metadata(item) for key, item in value.items() if not key.startswith("__")}
    if isinstance(value, list):
        return [without_metadata(item) for item in value]
    return value


def parsed(path: Path) -> dict:
    with path.open() as file:
        return without_metadata(hcl2.load(file))


def blocks(path: Path, kind: str, type_name: str) -> dict[str, dict]:
    """{name: body} of the `kind "type_name" "name"` blocks of one file (resource, data)."""
    found = {}
    for block in parsed(path).get(kind, []):
        for block_type, named in block.items():
            if unquote(block_type) == type_name:
                found.update({unquote(name): body for name, body in named.items()})
    return found


def declared_variables() -> dict[str, dict]:
    return {
        unquote(name): body
        for block in parsed(TERRAFORM / "variables.tf").get("variable", [])
        for name, body in block.items()
    }


def test_every_component_has_its_file():
    missing = [path.name for path in COMPONENT_FILES if not path.is_file()]
    assert missing == []


@pytest.mark.parametrize("path", TF_FILES, ids=lambda path: path.name)
def test_every_tf_file_parses_as_hcl2(path):
    assert parsed(path), f"{path.name} is empty"


def test_terraform_and_every_provider_are_pinned():
    (settings,) = parsed(TERRAFORM / "versions.tf")["terraform"]
    (providers,) = settings["required_providers"]
    assert unquote(settings["required_version"])
    assert set(providers) == {"helm", "kubernetes"}
    for name, provider in providers.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", unquote(provider["version"])), f"{name} is not pinned exactly"


def helm_releases() -> list[tuple[Path, str, dict]]:
    return [
        (path, name, body)
        for path in COMPONENT_FILES
        for name, body in blocks(path, "resource", "helm_release").items()
    ]


def label(value) -> str:
    """Test ids from the string parameters only."""
    return value if isinstance(value, str) else ""


@pytest.mark.parametrize("path, name, release", helm_releases(), ids=label)
def test_every_helm_release_pins_its_chart_and_reads_an_existing_values_file(path, name, release):
    assert unquote(release["version"]), f"{name} has no chart version"
    (values,) = release["values"]
    files = [match.group(1) for match in TEMPLATE_FILE_CALL.finditer(values)] + FILE_CALL.findall(values)
    assert files, f"{name} takes no values file"
    for file in files:
        assert file.startswith("helm-values/"), file
        assert (TERRAFORM / file).is_file(), f"{path.name}: {file} does not exist"


@pytest.mark.parametrize("path, name, release", helm_releases(), ids=label)
def test_every_values_file_is_yaml_and_gets_each_template_variable_it_uses(path, name, release):
    (values,) = release["values"]
    for match in TEMPLATE_FILE_CALL.finditer(values):
        template = (TERRAFORM / match.group(1)).read_text()
        given = set(re.findall(r"(\w+)\s*=", match.group(2)))
        used = {
            word
            for expression in re.findall(r"\$\{([^}]*)\}", template)
            for word in re.findall(r"[A-Za-z_]\w*", expression)
        }
        assert used <= given, f"{match.group(1)} uses {used - given}, which {path.name} does not pass"
        assert yaml.safe_load(template), f"{match.group(1)} is not YAML"


@pytest.mark.parametrize("path", COMPONENT_FILES, ids=lambda path: path.name)
def test_every_component_installs_into_a_namespace_named_by_a_variable(path):
    namespaces = {
        f"{prefix}kubernetes_namespace_v1.{name}": body
        for kind, prefix in (("resource", ""), ("data", "data."))
        for name, body in blocks(path, kind, "kubernetes_namespace_v1").items()
    }
    for name, release in blocks(path, "resource", "helm_release").items():
        namespace = release["namespace"]
        (owner,) = [reference for reference in namespaces if f"{{{reference}.metadata[0].name}}" in namespace]
        (metadata,) = namespaces[owner]["metadata"]
        assert re.fullmatch(r"\$\{var\.\w+_namespace\}", metadata["name"]), f"{name}: {metadata['name']}"


def test_every_variable_used_is_declared_and_every_declared_one_is_used():
    declared = set(declared_variables())
    sources = "".join(path.read_text() for path in TF_FILES)
    used = set(re.findall(r"\bvar\.(\w+)", sources))
    assert used - declared == set(), "used but not declared"
    assert declared - used == set(), "declared but never used"


@pytest.mark.parametrize("environment", ["dev", "prod"])
def test_environment_files_set_only_declared_variables_and_no_secrets(environment):
    settings = parsed(TERRAFORM / "environments" / f"{environment}.tfvars")
    variables = declared_variables()
    assert set(settings) <= set(variables)
    sensitive = {name for name, body in variables.items() if body.get("sensitive") is True}
    assert not sensitive & set(settings), "secrets belong in TF_VAR_ environment variables"
    required = {name for name, body in variables.items() if "default" not in body and name not in sensitive}
    assert required <= set(settings), f"{environment} misses {required - set(settings)}"


def test_k8s_config_maps_reach_the_stores_in_the_namespaces_terraform_installs_them_in():
    defaults = {name: unquote(body.get("default", "")) for name, body in declared_variables().items()}
    expected_hosts = {
        f"redpanda.{defaults['redpanda_namespace']}.svc.cluster.local:9093",
        f"scylla-client.{defaults['scylladb_namespace']}.svc.cluster.local:9042",
        f"mongodb.{defaults['mongodb_namespace']}.svc.cluster.local:27017",
        f"influxdb2.{defaults['influxdb_namespace']}.svc.cluster.local:80",
        f"dgraph-alpha.{defaults['dgraph_namespace']}.svc.cluster.local:9080",
    }
    config_maps = "".join(path.read_text() for path in (REPOSITORY / "k8s" / "base").glob("configmap-*.yaml"))
    hosts_in_config_maps = set(re.findall(r"[\w-]+\.[\w-]+\.svc\.cluster\.local:\d+", config_maps))
    assert hosts_in_config_maps == expected_hosts
