"""Prices a basket: the code the sample board's reports were made from."""


def total(prices: list[float], discount: float = 0.0) -> float:
    if not 0.0 <= discount < 1.0:
        raise ValueError("discount must be in [0, 1)")
    return round(sum(prices) * (1.0 - discount), 2)


def shipping(weight_kg: float) -> float:
    if weight_kg <= 1:
        return 4.5
    if weight_kg <= 10:
        return 9.0
    return 9.0 + (weight_kg - 10) * 0.5


def refund(amount: float, reason: str) -> float:
    if reason == "damaged":
        return amount
    return amount * 0.9
