import time
from collections.abc import Callable


def retry(
    times: int,
    *,
    exceptions: tuple[type[BaseException], ...] = (Exception,),
    base_delay: float = 0.1,
    sleep: Callable[[float], None] = time.sleep,
):
    raise NotImplementedError
