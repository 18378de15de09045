"""Renderers of a Report: JSON (the contract), more formats later."""
