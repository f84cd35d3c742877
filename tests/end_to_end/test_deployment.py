"""Deployment files say what docs/jupyterhub.md says: the Z2JH image and Helm values, Binder, conda, TLJH.

Docker, Kubernetes, conda and Binder do not run here; these tests read the files. They fail when a file
and the guide drift apart, when a step the guide once got wrong comes back, or when a path a file names
does not exist in the kit.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from kit_testing import ROOT

yaml = pytest.importorskip("yaml", reason="PyYAML comes with jupyter_events: `pip install -e '.[test]'`")

GUIDE = (ROOT / "docs" / "jupyterhub.md").read_text(encoding="utf-8")
DOCKERFILE = (ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
VALUES = yaml.safe_load((ROOT / "deploy" / "config.yaml").read_text(encoding="utf-8"))
POSTBUILD = ROOT / "binder" / "postBuild"


def instructions(text: str) -> list[tuple[str, str]]:
    """A Dockerfile's instructions as (KEYWORD, arguments), comments and line continuations handled."""
    joined = re.sub(r"\\\n", " ", text)
    return [tuple(line.strip().split(None, 1)) for line in joined.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def keys(tree: dict, prefix: str = "") -> set[str]:
    """Every dotted key path in a nested mapping: {"a": {"b": 1}} -> {"a", "a.b"}."""
    found = set()
    for key, value in tree.items():
        path = f"{prefix}{key}"
        found.add(path)
        if isinstance(value, dict):
            found |= keys(value, path + ".")
    return found


def conda_dependencies(path) -> tuple[list[str], list[str]]:
    """(conda-forge packages, pip packages) of an environment file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conda = [d for d in data["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in data["dependencies"] if isinstance(d, dict))
    return conda, pip


# --- Zero to JupyterHub: the image --------------------------------------------------------------------


def test_image_builds_on_minimal_notebook_from_quay_pinned_by_a_date_tag():
    base = [args for word, args in instructions(DOCKERFILE) if word == "FROM"]
    assert len(base) == 1
    assert re.fullmatch(r"quay\.io/jupyter/minimal-notebook:\d{4}-\d{2}-\d{2}", base[0])
    assert base[0].split(":")[1] in GUIDE or "date tag" in GUIDE


def test_image_installs_nbgitpuller_pinned_so_the_guides_link_works():
    runs = " ".join(args for word, args in instructions(DOCKERFILE) if word == "RUN")
    assert re.search(r"nbgitpuller==\d+\.\d+\.\d+", runs)
    assert "nbgitpuller" in GUIDE and "git-pull?repo=" in GUIDE


def test_image_installs_the_kit_from_the_files_it_copies():
    steps = instructions(DOCKERFILE)
    copied = [args.split()[-1] for word, args in steps if word == "COPY"]
    runs = [args for word, args in steps if word == "RUN"]
    kit_folder = next(target for target in copied if target.rstrip("/").endswith("medialit"))
    assert any(re.search(rf"pip install [^&]*{re.escape(kit_folder.rstrip('/'))}(\s|$)", run) for run in runs)


def test_image_copies_only_files_that_exist_and_that_its_ignore_file_lets_through():
    ignore = [line.strip() for line in (ROOT / "deploy" / "Dockerfile.dockerignore").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    allowed = [line[1:] for line in ignore if line.startswith("!")]
    assert ignore[0] == "*"
    for word, args in instructions(DOCKERFILE):
        if word != "COPY":
            continue
        sources = [part for part in args.split()[:-1] if not part.startswith("--")]
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file in the kit"
            assert source in allowed, f"COPY {source}: deploy/Dockerfile.dockerignore leaves it out"


def test_image_puts_the_settings_overrides_where_jupyterlab_reads_them():
    copies = [args.split() for word, args in instructions(DOCKERFILE) if word == "COPY"]
    assert ["jupyter/overrides.json", "${CONDA_DIR}/share/jupyter/lab/settings/overrides.json"] in [c[-2:] for c in copies]


def test_guide_builds_the_image_from_the_top_of_the_kit_with_this_dockerfile():
    assert "docker build -f deploy/Dockerfile" in GUIDE
    assert "docker build -f deploy/Dockerfile" in DOCKERFILE


# --- Zero to JupyterHub: the Helm values --------------------------------------------------------------


def test_helm_values_name_the_image_with_name_and_tag():
    image = VALUES["singleuser"]["image"]
    assert set(image) == {"name", "tag"}
    assert image["tag"] != "latest"


def test_every_helm_key_in_the_values_is_named_in_the_guide():
    leaves = {path for path in keys(VALUES) if not isinstance(_get(VALUES, path), dict)}
    named = {path for path in leaves if f"`{path}`" in GUIDE or f"`{path.rsplit('.', 1)[0]}`" in GUIDE}
    assert leaves - named == set()


def test_the_guides_z2jh_keys_exist_in_the_values():
    for key in re.findall(r"`(singleuser\.[a-zA-Z.]+)`", GUIDE):
        assert _get(VALUES, key) is not None, f"the guide names {key}, deploy/config.yaml does not set it"


def test_the_hand_in_folder_is_a_mounted_shared_volume():
    single = VALUES["singleuser"]
    handin = single["extraEnv"]["MEDIALIT_HANDIN"]
    mounts = single["storage"]["extraVolumeMounts"]
    volumes = {v["name"]: v for v in single["storage"]["extraVolumes"]}
    mount = next(m for m in mounts if m["mountPath"] == handin)
    assert "persistentVolumeClaim" in volumes[mount["name"]]
    assert volumes[mount["name"]]["persistentVolumeClaim"]["claimName"] in GUIDE


def test_memory_in_the_values_is_what_the_guide_sizes_in_mib():
    memory = VALUES["singleuser"]["memory"]
    for value in memory.values():
        assert re.fullmatch(r"\d+M", str(value)), "JupyterHub reads M as MiB; keep one unit"
    assert int(memory["guarantee"][:-1]) <= int(memory["limit"][:-1])
    assert f"limits.memory {memory['limit']}" in GUIDE


def _get(tree: dict, path: str):
    for part in path.split("."):
        if not isinstance(tree, dict) or part not in tree:
            return None
        tree = tree[part]
    return tree


# --- The Littlest JupyterHub ---------------------------------------------------------------------------


def test_no_step_to_copy_runs_a_lab_build_and_tljh_gets_a_memory_limit():
    commands = "\n".join(re.findall(r"```\n(.*?)```", GUIDE, re.S))
    assert "jupyter lab build" not in commands  # JupyterLab 4 cannot build without Node.js, and need not
    assert "sudo tljh-config set limits.memory" in commands


def test_tljh_settings_path_is_concrete_and_its_overrides_are_the_kits():
    assert "/opt/tljh/user/share/jupyter/lab/settings/overrides.json" in GUIDE
    block = re.search(r"overrides\.json > /dev/null <<'EOF'\n(.*?)\n\s*EOF", GUIDE, re.S).group(1)
    assert json.loads(block) == json.loads((ROOT / "jupyter" / "overrides.json").read_text())


def test_tljh_hand_in_folder_is_group_owned_and_passed_to_every_server():
    assert "c.Spawner.environment" in GUIDE and '"MEDIALIT_HANDIN": "/srv/handin"' in GUIDE
    assert "chown root:jupyterhub-admins /srv/handin" in GUIDE
    assert "/opt/tljh/config/jupyterhub_config.d/" in GUIDE


def test_guide_says_nbgitpuller_does_not_update_the_installed_package():
    assert re.search(r"nbgitpuller updates the \*notebooks\* only", GUIDE)


# --- Binder and conda --------------------------------------------------------------------------------


def test_binder_environment_has_the_same_packages_as_the_conda_one_less_the_kit():
    conda, pip = conda_dependencies(ROOT / "environment.yml")
    binder_conda, binder_pip = conda_dependencies(ROOT / "binder" / "environment.yml")
    assert binder_conda == conda
    assert binder_pip == [p for p in pip if p != "-e ."]


def test_binder_post_build_installs_the_kit_and_the_settings_and_stops_on_error():
    text = POSTBUILD.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash\n") and "set -e" in text
    assert os.access(POSTBUILD, os.X_OK)
    assert re.search(r"pip install [^\n]*-e \.", text)
    assert "share/jupyter/lab/settings" in text and "cp jupyter/overrides.json" in text


def test_the_binder_link_opens_lesson_0():
    link = re.search(r"https://mybinder\.org/v2/gh/\S+", GUIDE).group(0)
    target = link.split("urlpath=lab/tree/", 1)[1]
    assert (ROOT / target).is_file()


def test_conda_takes_only_unpinned_ranges_from_conda_forge_and_exact_pins_from_pip():
    conda, pip = conda_dependencies(ROOT / "environment.yml")
    assert not [d for d in conda if "==" in d]
    assert "textstat==0.7.13" in pip
