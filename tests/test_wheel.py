"""A wheel built from the repository is the whole product: its SQL files, migrations and document
template travel inside it, so an install other than `pip install -e .` works from any folder."""
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_built_wheel_carries_the_queries_and_runs_outside_the_repository(tmp_path):
    # Built from a copy of the sources, so the build leaves nothing in the working tree.
    sources = tmp_path / "src"
    shutil.copytree(ROOT, sources, ignore=shutil.ignore_patterns(
        ".git", ".venv", "data", "build", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache",
        "test-artifacts", "docs"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
        "-w", tmp_path / "dist", sources)
    (wheel,) = (tmp_path / "dist").glob("kinerja-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kinerja/sql/engine/capaian.sql" in names
    assert any(n.startswith("kinerja/store/migrations/") for n in names)
    assert "kinerja/reports/templates/lkjip_bab3.docx" in names

    # A fresh environment with only the wheel; the pinned dependencies come from this environment's
    # site-packages (a path, not its .pth files, so the editable install of the repository stays out).
    env = tmp_path / "env"
    run(sys.executable, "-m", "venv", "--without-pip", env)
    python = env / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet",
        "--disable-pip-version-check", wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    located = run(python, "-c", "import kinerja; print(kinerja.__file__)", cwd=elsewhere).stdout
    assert located.startswith(site), located
    db = elsewhere / "k.duckdb"
    run(env / "bin" / "kinerja", "init", "--demo", "--db", db, cwd=elsewhere)
    capaian = run(env / "bin" / "kinerja", "capaian", "--year", "2025", "--format", "csv", "--db", db, cwd=elsewhere)
    lines = capaian.stdout.splitlines()
    assert lines[0].startswith("unit,"), lines[0]
    assert len(lines) > 30
