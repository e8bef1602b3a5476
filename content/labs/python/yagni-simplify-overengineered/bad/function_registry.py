STEPS = []


def step(priority):
    def register(function):
        STEPS.append((priority, function))
        STEPS.sort(key=lambda entry: entry[0])
        return function

    return register


@step(10)
def strip_whitespace(items, options):
    return [item.strip() for item in items if item.strip()]


@step(20)
def lowercase(items, options):
    return [item.lower() for item in items]


@step(30)
def validate(items, options):
    valid = []
    for item in items:
        if item.count("@") != 1 or any(ch.isspace() for ch in item):
            continue
        local, domain = item.split("@")
        if local and "." in domain and not domain.startswith(".") and not domain.endswith("."):
            valid.append(item)
    return valid


@step(40)
def block_domains(items, options):
    blocked = {d.lower() for d in options.get("blocked_domains", ())}
    return [item for item in items if item.split("@")[1] not in blocked]


@step(50)
def deduplicate(items, options):
    return list(dict.fromkeys(items))


def run_pipeline(items, options):
    for _, function in STEPS:
        items = function(items, options)
    return items


def clean_mailing_list(addresses, blocked_domains=()):
    """Normalise, validate, filter and deduplicate a list of e-mail addresses."""
    return run_pipeline(list(addresses), {"blocked_domains": blocked_domains})
