"""newsgraph's exceptions. Rejected inputs are data (model.Rejected), not exceptions; these are for misuse.

    NewsgraphError
    ├── ConfigError        a setting or argument cannot be used (bad model name, bad format)
    ├── ModelError         the spaCy model is missing or is not the one it claims to be
    ├── MissingExtra       an optional dependency is not installed; names the extra to install
    └── StoreError         the database cannot be opened or written
"""


class NewsgraphError(Exception):
    code = "newsgraph_error"


class ConfigError(NewsgraphError):
    code = "config_error"


class ModelError(NewsgraphError):
    code = "model_error"


class MissingExtra(NewsgraphError):
    code = "missing_extra"

    def __init__(self, module: str, extra: str):
        super().__init__(f"{module} is not installed: pip install 'newsgraph[{extra}]'")
        self.module, self.extra = module, extra


class StoreError(NewsgraphError):
    code = "store_error"
