def middle_node(head: ListNode | None) -> ListNode | None:
    """Return the middle node (the second of the two middles for an even length)."""
    raise NotImplementedError
