def middle_node(head: ListNode | None) -> ListNode | None:
    slow = fast = head
    # fast moves two nodes per step; when it cannot, slow has covered half the list
    while fast is not None and fast.next is not None:
        slow = slow.next  # type: ignore[union-attr]
        fast = fast.next.next
    return slow
