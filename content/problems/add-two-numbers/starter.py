def add_two_numbers(l1: ListNode | None, l2: ListNode | None) -> ListNode | None:
    """Return the sum of two numbers given least significant digit first, in the same form."""
    raise NotImplementedError
