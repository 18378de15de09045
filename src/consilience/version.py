"""The version of consilience (``consilience.__version__``), in a module of its own so that any
part of the package can read it without importing the package's entry points."""

__version__ = "0.1.0"
