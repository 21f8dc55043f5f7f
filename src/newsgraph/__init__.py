"""newsgraph: who said what, about whom, and when — from raw captures of news pages."""
__version__ = "0.1.0"
