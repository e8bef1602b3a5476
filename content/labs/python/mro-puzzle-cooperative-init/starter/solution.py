# The client below works, sort of: Component.__init__ runs three times and wipes `features`
# on each run, so ApiClient ends up with features ['log', 'api']. Rewrite the five __init__
# methods to cooperate through super(), keyword arguments only.


class Component:
    def __init__(self, name):
        self.name = name
        self.features = []


class Cached(Component):
    def __init__(self, name, cache_size=128):
        Component.__init__(self, name)
        self.cache_size = cache_size
        self.features.append("cache")


class Retrying(Component):
    def __init__(self, name, retries=3):
        Component.__init__(self, name)
        self.retries = retries
        self.features.append("retry")


class Logged(Component):
    def __init__(self, name, level="INFO"):
        Component.__init__(self, name)
        self.level = level
        self.features.append("log")


class ApiClient(Cached, Retrying, Logged):
    def __init__(self, name, base_url, cache_size=128, retries=3, level="INFO"):
        Cached.__init__(self, name, cache_size)
        Retrying.__init__(self, name, retries)
        Logged.__init__(self, name, level)
        self.base_url = base_url
        self.features.append("api")
