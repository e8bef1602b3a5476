def merge_two_lists(list1: ListNode | None, list2: ListNode | None) -> ListNode | None:
    head = list1
    while list2 is not None:
        node = list2
        list2 = list2.next
        if head is None or node.val < head.val:
            node.next = head
            head = node
            continue
        # walk from the head to the last node whose value is <= node.val
        prev = head
        while prev.next is not None and prev.next.val <= node.val:
            prev = prev.next
        node.next = prev.next
        prev.next = node
    return head
