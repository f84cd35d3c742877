"""JupyterHub configuration for `make bench-class` (bench/class_bench.py): a class on one machine.

Everything listens on 127.0.0.1 only. bench/class_bench.py picks free ports, a scratch folder and a
password, and passes them in the MEDIALIT_HUB_* variables below; this file is not meant for a real
class (SimpleLocalProcessSpawner runs every student as the same system user: there is no isolation
between them beyond separate home folders). For a real class see lessons/README.md ("Running it").

- Students log in with one shared password (SharedPasswordAuthenticator, the successor of
  DummyAuthenticator's password in JupyterHub >= 5.3; DummyAuthenticator is used on older hubs).
- Each student's home is <scratch>/homes/<name>; HOME points there, so the kit saves work in
  <home>/medialit-work. MEDIALIT_WORK and MEDIALIT_STORY are never passed on from the hub.
- Before a server starts, the kit's student notebooks are copied into <home>/notebooks (as
  nbgitpuller would do on a real hub; an existing copy is left alone), and that is the notebook dir.
- Single-user servers and their kernels run offline: tests/support/offline on PYTHONPATH blocks
  every connection but loopback, and NLTK_DATA is an empty folder.
"""

import os
import shutil
import sys
from pathlib import Path

import jupyterhub

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRATCH = Path(os.environ["MEDIALIT_HUB_SCRATCH"])
HOMES = SCRATCH / "homes"
VENV_BIN = Path(sys.executable).parent

# --- network: the hub, its API and the proxy, all on loopback -----------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["MEDIALIT_HUB_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["MEDIALIT_HUB_API_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['MEDIALIT_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(SCRATCH / "proxy.pid")
c.ConfigurableHTTPProxy.debug = False

# --- state: database and cookie secret in the scratch folder ---------------------------------------
c.JupyterHub.db_url = f"sqlite:///{SCRATCH / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(SCRATCH / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(SCRATCH / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.shutdown_on_logout = False
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.last_activity_interval = 600

# --- who may log in ------------------------------------------------------------------------------
_password = os.environ["MEDIALIT_HUB_PASSWORD"]
if tuple(int(part) for part in jupyterhub.__version__.split(".")[:2]) >= (5, 3):
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = _password
else:  # pragma: no cover - older hubs
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = _password
c.Authenticator.allow_all = True

# --- each student's server ------------------------------------------------------------------------
c.JupyterHub.spawner_class = "simple"  # jupyterhub.spawner.SimpleLocalProcessSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(HOMES / "{username}" / "notebooks")
c.Spawner.default_url = "/lab"
c.Spawner.ip = "127.0.0.1"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.args = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
c.Spawner.args += ["--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
# Only these are inherited from the hub's environment (not MEDIALIT_WORK, MEDIALIT_STORY, ...).
c.Spawner.env_keep = ["LANG", "LC_ALL", "JUPYTERHUB_SINGLEUSER_APP"]
c.Spawner.environment = {
    "PATH": os.pathsep.join([str(VENV_BIN), "/usr/local/bin", "/usr/bin", "/bin"]),
    "VIRTUAL_ENV": str(VENV_BIN.parent),
    "PYTHONPATH": str(ROOT / "tests" / "support" / "offline"),
    "NLTK_DATA": os.environ["MEDIALIT_HUB_NLTK_DATA"],
    # Any attempt to reach another host is written here (one file per student), and the bench fails.
    "MEDIALIT_NETWORK_LOG": lambda spawner: str(SCRATCH / f"network-attempts-{spawner.user.name}.log"),
}


# --- optional: the server extensions a real hub loads (make bench-class EXTENSIONS=<folder>) -----------
# The folder holds nbgitpuller and jupyter-resource-usage installed with `pip install --no-deps --target`;
# they are put on the servers' path and switched on, so their memory is measured with the rest.
_extensions = os.environ.get("MEDIALIT_HUB_EXTENSIONS")
if _extensions:
    c.Spawner.environment["PYTHONPATH"] = os.pathsep.join([c.Spawner.environment["PYTHONPATH"], _extensions])
    _config_dir = SCRATCH / "jupyter-config"
    _config_dir.mkdir(parents=True, exist_ok=True)
    (_config_dir / "jupyter_server_config.json").write_text(
        '{"ServerApp": {"jpserver_extensions": {"nbgitpuller": true, "jupyter_resource_usage": true}}}'
    )
    c.Spawner.environment["JUPYTER_CONFIG_PATH"] = str(_config_dir)


def _ignore(folder, names):
    # Students get the lesson notebooks, not the teacher's, and no stale checkpoints.
    return [name for name in names if name in ("teacher", ".ipynb_checkpoints")]


def copy_notebooks(spawner):
    """Put the kit's notebooks in the student's home before the server starts (like nbgitpuller)."""
    target = Path(spawner.home_dir) / "notebooks"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(ROOT / "notebooks", target, ignore=_ignore)


c.Spawner.pre_spawn_hook = copy_notebooks
