def merge_two_lists(list1: ListNode | None, list2: ListNode | None) -> ListNode | None:
    """Return the head of one sorted list holding the nodes of both sorted inputs."""
    raise NotImplementedError
