def reverse_list(head: ListNode | None) -> ListNode | None:
    new_head = None
    new_tail = None
    while head is not None:
        # find and detach the last node of what is left
        prev = None
        node = head
        while node.next is not None:
            prev = node
            node = node.next
        if prev is None:
            head = None
        else:
            prev.next = None
        if new_head is None:
            new_head = new_tail = node
        else:
            new_tail.next = node
            new_tail = node
    return new_head
