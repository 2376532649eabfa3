"""Offline checks of the deployment files in deploy/: what a user would trip over first.

Nothing here needs Docker or a cluster. Where `docker compose` is installed, the compose
file is also run through `docker compose config` (which parses and interpolates without
an engine); elsewhere that one check is skipped and the YAML checks still run.
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple
from urllib.parse import urlsplit

import pytest
import yaml

from bot.settings import PROJECT_ROOT
from bot.webchat.app import WIDGET_BUNDLE

DEPLOY = PROJECT_ROOT / "deploy"
K8S = DEPLOY / "k8s"
COMPOSE_FILE = DEPLOY / "compose.yml"
NGINX_CONF = DEPLOY / "nginx.conf"
HELM_VALUES = DEPLOY / "helm" / "rasa-values.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
DEPLOY_ENDPOINTS = "deploy/endpoints.yml"

#: Rasa's own variables and the per-deployment action server address, which compose and
#: Kubernetes set themselves; every other variable our containers get is in .env.example.
RASA_OWN_VARIABLES = {
    "TICKET_LOCK_LIFETIME",
    "SQL_POOL_SIZE",
    "SQL_MAX_OVERFLOW",
    "RASA_TELEMETRY_ENABLED",
    "ACTION_ENDPOINT_URL",
    # Thread counts of OpenMP and TensorFlow (documented, commented out, in .env.example).
    "OMP_NUM_THREADS",
    "TF_INTRA_OP_PARALLELISM_THREADS",
    "TF_INTER_OP_PARALLELISM_THREADS",
}
#: Rasa parses these with int(): an empty value crashes it.
RASA_NUMBERS = ("TICKET_LOCK_LIFETIME", "SQL_POOL_SIZE", "SQL_MAX_OVERFLOW")
#: The Helm release name deploy/README.md installs; the chart names its Service after it.
RASA_RELEASE = "citizen-rasa"


# --- reading the files -------------------------------------------------------------------


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def compose() -> Dict[str, Any]:
    return load_yaml(COMPOSE_FILE)


def documented_variables() -> set:
    """The names .env.example documents (`NAME=` lines)."""
    text = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


_VARIABLE = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def interpolate(value: str, environment: Mapping[str, str]) -> str:
    """Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME:?error}, $$."""

    def replace(match: re.Match) -> str:
        if match.group(0) == "$$":
            return "$"
        name, operator, argument = match.groups()
        current = environment.get(name)
        if operator in (":-", "-") and (current is None or (operator == ":-" and current == "")):
            return argument
        if operator in (":?", "?") and (current is None or (operator == ":?" and current == "")):
            raise ValueError(f"{name}: {argument}")
        return current or ""

    return _VARIABLE.sub(replace, value)


def service_environment(service: Mapping[str, Any], environment: Mapping[str, str]) -> Dict[str, str]:
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    return {name: interpolate(str(value), environment) for name, value in raw.items()}


def command_of(service: Mapping[str, Any]) -> List[str]:
    command = service.get("command") or []
    return command.split() if isinstance(command, str) else [str(part) for part in command]


def our_services(services: Mapping[str, Any]) -> Dict[str, Any]:
    """The services that run our image (deploy/Dockerfile)."""
    return {
        name: service
        for name, service in services.items()
        if (service.get("build") or {}).get("dockerfile") == "deploy/Dockerfile"
    }


def rasa_services(services: Mapping[str, Any]) -> Dict[str, Any]:
    return {name: service for name, service in services.items() if command_of(service)[:2] == ["rasa", "run"]}


def option(command: List[str], name: str) -> Optional[str]:
    return command[command.index(name) + 1] if name in command else None


def k8s_documents() -> Iterator[Tuple[Path, Dict[str, Any]]]:
    for path in sorted(K8S.glob("*.yml")):
        if path.name == "kustomization.yml":
            continue
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document:
                yield path, document


def k8s_objects(kind: str) -> Dict[str, Dict[str, Any]]:
    return {document["metadata"]["name"]: document for _, document in k8s_documents() if document["kind"] == kind}


def pod_spec(workload: Mapping[str, Any]) -> Dict[str, Any]:
    spec = workload["spec"]
    if workload["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    return spec["template"]["spec"]


def k8s_containers() -> Iterator[Tuple[str, Dict[str, Any]]]:
    for kind in ("Deployment", "CronJob"):
        for name, workload in k8s_objects(kind).items():
            for container in pod_spec(workload)["containers"]:
                yield name, container


def parse_nginx(text: str) -> List[tuple]:
    """nginx.conf as nested (directive, arguments, children) tuples."""
    tokens = re.findall(r'"[^"]*"|\'[^\']*\'|[{};]|[^\s{};]+', re.sub(r"#[^\n]*", "", text))
    position = 0

    def block() -> List[tuple]:
        nonlocal position
        directives: List[tuple] = []
        words: List[str] = []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == ";":
                directives.append((words[0], words[1:], []))
                words = []
            elif token == "{":
                children = block()
                directives.append((words[0], words[1:], children))
                words = []
            elif token == "}":
                return directives
            else:
                words.append(token.strip("\"'"))
        return directives

    return block()


def find(directives: List[tuple], name: str) -> List[tuple]:
    return [directive for directive in directives if directive[0] == name]


def nginx_http() -> List[tuple]:
    return find(parse_nginx(NGINX_CONF.read_text(encoding="utf-8")), "http")[0][2]


def nginx_upstreams() -> Dict[str, List[tuple]]:
    return {arguments[0]: children for _, arguments, children in find(nginx_http(), "upstream")}


def nginx_locations(port: str) -> Dict[str, List[tuple]]:
    for _, _, server in find(nginx_http(), "server"):
        if any(arguments[0] == port for _, arguments, _ in find(server, "listen")):
            return {arguments[-1]: children for _, arguments, children in find(server, "location")}
    raise AssertionError(f"nginx.conf has no server on port {port}")


def upstream_of(location: List[tuple]) -> str:
    target = find(location, "proxy_pass")[0][1][0]
    return urlsplit(target).hostname or ""


def servers_of(upstream: List[tuple]) -> List[str]:
    return [arguments[0] for _, arguments, _ in find(upstream, "server")]


def helm_values() -> Dict[str, Any]:
    return load_yaml(HELM_VALUES)


# --- Docker Compose ----------------------------------------------------------------------


def test_compose_runs_the_whole_assistant_with_two_rasa_replicas() -> None:
    services = compose()["services"]
    for name in ("postgres", "redis", "rasa-1", "rasa-2", "actions", "review", "webchat", "lb"):
        assert name in services, f"compose.yml has no {name} service"
    assert len(rasa_services(services)) >= 2
    assert services["rabbitmq"]["profiles"] == ["broker"], "the broker is optional, behind a profile"
    assert "healthcheck" in services["postgres"] and "healthcheck" in services["redis"]
    for name in rasa_services(services):
        conditions = services[name]["depends_on"]
        assert conditions["postgres"]["condition"] == "service_healthy"
        assert conditions["redis"]["condition"] == "service_healthy"


def test_compose_images_are_pinned_to_a_release() -> None:
    for name, service in compose()["services"].items():
        if name in our_services(compose()["services"]):
            continue
        image = service["image"]
        assert re.search(r":\d+\.\d+", image), f"{name}: {image} is not pinned to a release"


def test_every_rasa_replica_uses_the_deploy_endpoints_and_the_shared_stores() -> None:
    services = compose()["services"]
    replicas = rasa_services(services)
    environment = {"POSTGRES_PASSWORD": "placeholder"}
    for name, service in replicas.items():
        command = command_of(service)
        assert option(command, "--endpoints") == DEPLOY_ENDPOINTS, name
        assert option(command, "--credentials") == "credentials.yml", name
        assert option(command, "--model") == "models/citizen.tar.gz", name
        assert "--enable-api" in command, f"{name}: the /status health check needs --enable-api"
        variables = service_environment(service, environment)
        database = urlsplit(variables["DATABASE_URL"])
        assert (database.scheme, database.hostname) == ("postgresql", "postgres"), name
        locks = urlsplit(variables["LOCK_STORE_URL"])
        cache = urlsplit(variables["TRANSLATION_CACHE_URL"])
        assert (locks.scheme, locks.hostname) == ("redis", "redis"), name
        assert (cache.scheme, cache.hostname) == ("redis", "redis"), name
        assert locks.path != cache.path, f"{name}: locks and translation cache share a Redis database"
        action_server = urlsplit(variables["ACTION_ENDPOINT_URL"])
        assert action_server.hostname == "actions" and action_server.path == "/webhook", name
    shared = {name: service_environment(service, environment) for name, service in replicas.items()}
    assert len({json.dumps(variables, sort_keys=True) for variables in shared.values()}) == 1, (
        "the replicas must share one configuration"
    )


def test_rasa_numbers_are_never_empty_even_when_deploy_env_leaves_them_blank() -> None:
    blank = {"POSTGRES_PASSWORD": "placeholder", **{name: "" for name in RASA_NUMBERS}}
    for name, service in rasa_services(compose()["services"]).items():
        variables = service_environment(service, blank)
        for number in RASA_NUMBERS:
            assert variables[number].isdigit(), f"{name}: {number}={variables[number]!r} would crash Rasa"
    config = k8s_objects("ConfigMap")["citizen-config"]["data"]
    for number in RASA_NUMBERS:
        assert str(config[number]).isdigit(), number


def test_compose_refuses_to_start_without_a_database_password() -> None:
    service = compose()["services"]["rasa-1"]
    with pytest.raises(ValueError, match="POSTGRES_PASSWORD"):
        service_environment(service, {})
    with pytest.raises(ValueError, match="POSTGRES_PASSWORD"):
        service_environment(compose()["services"]["postgres"], {})


def test_servers_in_containers_listen_on_every_interface() -> None:
    # bot.webchat and bot.review default to 127.0.0.1, unreachable from other containers.
    services = compose()["services"]
    for name in ("webchat", "review"):
        assert option(command_of(services[name]), "--host") == "0.0.0.0", name
    for name, container in k8s_containers():
        command = [str(part) for part in container.get("command", [])]
        if command[:3] == ["python", "-m", "bot.webchat"] or command[:4] == ["python", "-m", "bot.review", "serve"]:
            assert option(command, "--host") == "0.0.0.0", name


def test_the_action_server_is_scalable_and_reached_by_service_name() -> None:
    actions = compose()["services"]["actions"]
    assert command_of(actions) == ["python", "-m", "bot.action_server", "--actions", "actions", "--port", "5055"]
    assert "container_name" not in actions and "ports" not in actions, "`--scale actions=N` needs neither"


def test_only_the_load_balancer_publishes_ports() -> None:
    services = compose()["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"lb"}
    review_port = [port for port in services["lb"]["ports"] if str(port).endswith(":8081")]
    assert review_port and str(review_port[0]).startswith("127.0.0.1:"), "the review app stays on loopback"


def test_every_variable_given_to_our_containers_is_documented_in_env_example() -> None:
    documented = documented_variables()
    given: Dict[str, str] = {}
    services = compose()["services"]
    for name, service in our_services(services).items():
        for variable in service.get("environment") or {}:
            given[variable] = f"compose service {name}"
        assert service.get("env_file") in (None, ".env", [".env"]), name
    assert all(variable.startswith("POSTGRES_") for variable in services["postgres"]["environment"])
    assert all(variable.startswith("RABBITMQ_") for variable in services["rabbitmq"]["environment"])
    for variable in k8s_objects("ConfigMap")["citizen-config"]["data"]:
        given[variable] = "deploy/k8s/config.yml"
    for variable in k8s_objects("Secret")["citizen-secrets"]["stringData"]:
        given[variable] = "deploy/k8s/secret.example.yml"
    for name, container in k8s_containers():
        for entry in container.get("env", []):
            given[entry["name"]] = f"deploy/k8s {name}"
    for entry in helm_values()["extraEnv"]:
        given[entry["name"]] = "deploy/helm/rasa-values.yml"
    undocumented = {
        variable: where
        for variable, where in given.items()
        if variable not in documented and variable not in RASA_OWN_VARIABLES
    }
    assert not undocumented, f"not in .env.example: {undocumented}"
    assert {"LOCK_STORE_URL", "EVENT_BROKER_URL", "EVENT_BROKER_QUEUE"} <= documented


def test_load_balancer_keeps_each_socketio_session_on_one_replica() -> None:
    replicas = {f"{name}:5005" for name in rasa_services(compose()["services"])}
    location = nginx_locations("80")["/socket.io/"]
    upstream = nginx_upstreams()[upstream_of(location)]
    assert set(servers_of(upstream)) == replicas, "every replica, and only them"
    sticky = find(upstream, "ip_hash") + [
        d for d in find(upstream, "hash") if d[1][0] in ("$remote_addr", "$binary_remote_addr")
    ]
    assert sticky, "Socket.IO's handshake and polling must reach the same replica"


def test_load_balancer_passes_websocket_upgrades_through() -> None:
    location = nginx_locations("80")["/socket.io/"]
    assert find(location, "proxy_http_version")[0][1] == ["1.1"]
    headers = {arguments[0].lower(): arguments[1] for _, arguments, _ in find(location, "proxy_set_header")}
    assert headers.get("upgrade") == "$http_upgrade"
    assert headers.get("connection") in ("$connection_upgrade", "upgrade")
    if headers["connection"] == "$connection_upgrade":
        maps = [arguments for _, arguments, _ in find(nginx_http(), "map")]
        assert ["$http_upgrade", "$connection_upgrade"] in maps


def test_load_balancer_spreads_webhooks_over_every_replica() -> None:
    replicas = {f"{name}:5005" for name in rasa_services(compose()["services"])}
    upstream = nginx_upstreams()[upstream_of(nginx_locations("80")["/webhooks/"])]
    assert set(servers_of(upstream)) == replicas


def test_load_balancer_serves_the_page_and_review_app_but_not_rasas_api() -> None:
    locations = nginx_locations("80")
    assert set(locations) == {"/socket.io/", "/webhooks/", "/"}, "Rasa's HTTP API stays private"
    assert servers_of(nginx_upstreams()[upstream_of(locations["/"])]) == ["webchat:8080"]
    review = nginx_locations("8081")["/"]
    assert servers_of(nginx_upstreams()[upstream_of(review)]) == ["review:8081"]
    assert {str(port).rsplit(":", 2)[-1] for port in compose()["services"]["lb"]["ports"]} == {"80", "8081"}


# --- the image ---------------------------------------------------------------------------


def dockerfile_stages() -> List[List[str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    stages: List[List[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            stages.append([])
        stages[-1].append(line)
    return stages


def test_image_installs_the_lock_file_trains_the_model_and_runs_unprivileged() -> None:
    stages = dockerfile_stages()
    for stage in stages:
        assert re.search(r":\d+\.\d+\.\d+", stage[0]), f"{stage[0]} is not pinned to a release"
    final = stages[-1]
    assert re.fullmatch(r"FROM python:3\.10\.\d+-slim-bookworm", final[0])
    final_text = "\n".join(final)
    assert "pip==24.3.1" in final_text
    assert re.search(r"pip install [^\n]*--no-deps -r \S*requirements\.lock", final_text)
    assert "rasa train --fixed-model-name citizen --out models" in final_text
    assert not re.search(r"\b(npm|apt-get install[^\n]*nodejs)\b", final_text), "Node.js stays in the build stage"
    user = [line.split()[1] for line in final if line.startswith("USER ")]
    assert user and not user[-1].startswith(("0", "root")), "the processes run as a non-root user"
    widget = WIDGET_BUNDLE.relative_to(PROJECT_ROOT).as_posix()
    assert any(line.startswith("COPY --from=") and line.endswith(widget) for line in final), (
        f"bot.webchat serves {widget}; the image must contain it"
    )
    assert any("npm ci" in line for stage in stages[:-1] for line in stage)


def test_dockerignore_keeps_local_state_out_and_build_inputs_in() -> None:
    patterns = [
        line.strip()
        for line in (PROJECT_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def ignored(path: str) -> bool:
        return any(
            fnmatch.fnmatch(path, pattern.lstrip("/")) or path.startswith(pattern.rstrip("/") + "/")
            for pattern in patterns
        )

    for path in (".venv/bin/python", "var/citizen.db", "models/citizen.tar.gz", "results/x", ".git/HEAD"):
        assert ignored(path), path
    assert ignored("web/node_modules/rasa-webchat/lib/index.js")
    assert ignored(".env") and ignored("deploy/.env")
    for path in ("requirements.lock", "credentials.yml", DEPLOY_ENDPOINTS, "web/package-lock.json", "domain.yml"):
        assert not ignored(path), path


# --- Kubernetes --------------------------------------------------------------------------


def test_helm_values_run_our_image_with_the_deploy_endpoints() -> None:
    values = helm_values()
    arguments = [str(argument) for argument in values["args"]]
    assert values["command"] == ["rasa"] and arguments[0] == "run"
    assert option(arguments, "--endpoints") == DEPLOY_ENDPOINTS
    assert option(arguments, "--model") == "models/citizen.tar.gz"
    settings = values["applicationSettings"]
    assert settings["initialModel"] == "" and settings["trainInitialModel"] is False, "the model is in the image"
    assert settings["telemetry"]["enabled"] is False
    stores = settings["endpoints"]
    assert not any(stores[store]["enabled"] for store in ("trackerStore", "lockStore", "eventBroker")), (
        "the chart's stock stores would replace ours"
    )
    assert values["replicaCount"] >= 2 and values["autoscaling"]["enabled"] is False
    assert values["postgresql"]["install"] is False and values["rasa-action-server"]["install"] is False
    environment = {entry["name"] for entry in values["extraEnv"]}
    assert {"DATABASE_URL", "LOCK_STORE_URL", "ACTION_ENDPOINT_URL", *RASA_NUMBERS} <= environment


def test_deploy_endpoints_choose_our_stores() -> None:
    endpoints = load_yaml(DEPLOY / "endpoints.yml")
    assert endpoints["action_endpoint"]["url"] == "${ACTION_ENDPOINT_URL}"
    assert endpoints["tracker_store"]["type"] == "bot.storage.tracker_store.UrlSQLTrackerStore"
    assert endpoints["lock_store"]["type"] == "bot.storage.lock_store.UrlLockStore"
    assert endpoints["event_broker"]["type"] == "bot.storage.event_broker.UrlEventBroker"
    assert endpoints["nlg"]["type"] == "bot.nlg.rasa_generator.CitizenNaturalLanguageGenerator"


def test_helm_channels_are_the_repository_credentials() -> None:
    # The chart mounts its own credentials.yml over the image's.
    expected = load_yaml(PROJECT_ROOT / "credentials.yml")
    rendered = helm_values()["applicationSettings"]["credentials"]["additionalChannelCredentials"]
    assert {name: config or {} for name, config in rendered.items()} == {
        name: config or {} for name, config in expected.items()
    }


def test_every_kubernetes_workload_runs_the_helm_image() -> None:
    image = helm_values()["image"]
    expected = f"{image['repository']}:{image['tag']}"
    for name, container in k8s_containers():
        assert container["image"] == expected, name
    kustomization = load_yaml(K8S / "kustomization.yml")
    assert kustomization["images"] == [{"name": image["repository"], "newTag": image["tag"]}]


def test_kustomization_applies_every_manifest_but_the_secret_template() -> None:
    resources = load_yaml(K8S / "kustomization.yml")["resources"]
    manifests = {path.name for path in K8S.glob("*.yml")} - {"kustomization.yml", "secret.example.yml"}
    assert set(resources) == manifests
    assert "secret.example.yml" not in resources, "applying the folder must not blank the real Secret"


def test_kubernetes_services_reach_their_pods() -> None:
    deployments = k8s_objects("Deployment")
    for name in ("citizen-actions", "citizen-review", "citizen-webchat"):
        deployment = deployments[name]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items(), name
        service = k8s_objects("Service")[name]
        assert service["spec"]["selector"].items() <= labels.items(), name
        ports = {port["name"] for container in pod_spec(deployment)["containers"] for port in container["ports"]}
        assert {port["targetPort"] for port in service["spec"]["ports"]} <= ports, name
        for container in pod_spec(deployment)["containers"]:
            assert container.get("readinessProbe"), f"{name} gets traffic before it is ready"
    probe = pod_spec(deployments["citizen-actions"])["containers"][0]["readinessProbe"]
    assert probe["httpGet"]["path"] == "/health"


def test_kubernetes_config_and_secret_references_name_existing_keys() -> None:
    config = set(k8s_objects("ConfigMap")["citizen-config"]["data"])
    secret = k8s_objects("Secret")["citizen-secrets"]
    assert all(value == "" for value in secret["stringData"].values()), "the template holds no values"
    for entry in helm_values()["extraEnv"]:
        source = entry["valueFrom"]
        if "configMapKeyRef" in source:
            assert source["configMapKeyRef"] == {"name": "citizen-config", "key": entry["name"]}
            assert entry["name"] in config
        else:
            assert source["secretKeyRef"] == {"name": "citizen-secrets", "key": entry["name"]}
            assert entry["name"] in secret["stringData"]
    for name, container in k8s_containers():
        for source in container.get("envFrom", []):
            reference = source.get("configMapRef") or source.get("secretRef")
            assert reference["name"] in ("citizen-config", "citizen-secrets"), name


def test_ingress_keeps_socketio_sessions_on_one_replica_and_hides_rasas_api() -> None:
    ingress = k8s_objects("Ingress")["citizen"]
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    routes = {
        path["path"]: (path["backend"]["service"]["name"], path["backend"]["service"]["port"]["number"])
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert routes == {
        "/socket.io": (RASA_RELEASE, 5005),
        "/webhooks": (RASA_RELEASE, 5005),
        "/": ("citizen-webchat", 8080),
    }
    host = ingress["spec"]["rules"][0]["host"]
    webchat = pod_spec(k8s_objects("Deployment")["citizen-webchat"])["containers"][0]["command"]
    assert option(webchat, "--socket-url") == f"https://{host}", "the widget must connect to the Ingress host"
    review = k8s_objects("Ingress")["citizen-review"]["spec"]["rules"][0]["http"]["paths"][0]
    assert review["backend"]["service"] == {"name": "citizen-review", "port": {"number": 8081}}


def test_autoscalers_scale_rasa_and_the_action_server() -> None:
    autoscalers = k8s_objects("HorizontalPodAutoscaler")
    targets = {hpa["spec"]["scaleTargetRef"]["name"]: hpa for hpa in autoscalers.values()}
    assert set(targets) == {RASA_RELEASE, "citizen-actions"}
    for hpa in targets.values():
        assert hpa["apiVersion"] == "autoscaling/v2"
        assert hpa["spec"]["minReplicas"] >= 2
    assert targets[RASA_RELEASE]["spec"]["minReplicas"] == helm_values()["replicaCount"]


# --- secrets -----------------------------------------------------------------------------

_SECRET_PATTERNS = {
    "a private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "a Telegram bot token": re.compile(r"\b\d{8,10}:[A-Za-z0-9_-]{35}\b"),
    "a Facebook access token": re.compile(r"\bEAA[A-Za-z0-9]{20,}"),
    "a long hex token": re.compile(r"\b[0-9a-f]{32,}\b"),
    "a long random token": re.compile(
        r"\b(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[a-z])(?=[A-Za-z0-9+/_-]*[A-Z])[A-Za-z0-9+/_-]{32,}"
    ),
}
_URL_PASSWORD = re.compile(r"[a-z][a-z0-9+.-]*://[^\s:/@'\"]+:([^\s@'\"]+)@")
_SECRET_SETTING = re.compile(
    r"^\s*([A-Z][A-Z0-9_]*(?:PASSWORD|PASS|SECRET|TOKEN|_KEY))\s*[:=]\s*(.*?)\s*$", re.MULTILINE
)


def deployment_files() -> List[Path]:
    files = [path for path in DEPLOY.rglob("*") if path.is_file() and path.name != ".env"]
    return files + [PROJECT_ROOT / ".dockerignore"]


def test_no_deployment_file_holds_a_real_secret() -> None:
    placeholder = ("${", "$(", "<")
    for path in deployment_files():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(PROJECT_ROOT)
        for what, pattern in _SECRET_PATTERNS.items():
            assert not pattern.search(text), f"{where} holds what looks like {what}"
        for password in _URL_PASSWORD.findall(text):
            assert password.startswith(placeholder), f"{where}: a URL with a password in it"
        for name, value in _SECRET_SETTING.findall(text):
            value = value.strip("\"'")
            assert value == "" or value.startswith(placeholder), f"{where}: {name} has a value"
