# Shim for tooling that still calls setup.py; the real metadata is in pyproject.toml (flit).
from setuptools import setup

setup()
