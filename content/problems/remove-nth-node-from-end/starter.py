def remove_nth_from_end(head: ListNode | None, n: int) -> ListNode | None:
    """Remove the n-th node from the end (n = 1 is the last) and return the new head."""
    raise NotImplementedError
