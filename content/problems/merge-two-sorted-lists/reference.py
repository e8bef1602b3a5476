def merge_two_lists(list1: ListNode | None, list2: ListNode | None) -> ListNode | None:
    dummy = ListNode()
    tail = dummy
    while list1 is not None and list2 is not None:
        if list2.val < list1.val:
            tail.next, list2 = list2, list2.next
        else:  # ties take list1's node first, which keeps the merge stable
            tail.next, list1 = list1, list1.next
        tail = tail.next
    tail.next = list1 if list1 is not None else list2  # at most one list still has nodes
    return dummy.next
