def add_two_numbers(l1: ListNode | None, l2: ListNode | None) -> ListNode | None:
    def to_int(node):
        digits = []
        while node:
            digits.append(str(node.val))
            node = node.next
        return int("".join(reversed(digits)))

    total = to_int(l1) + to_int(l2)
    dummy = ListNode()
    tail = dummy
    for ch in reversed(str(total)):
        tail.next = ListNode(int(ch))
        tail = tail.next
    return dummy.next
