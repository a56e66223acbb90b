import pytest
from checkout.pricing import shipping, total


def test_total() -> None:
    assert total([10.0, 5.0], discount=0.1) == 13.5


def test_total_rejects_a_bad_discount() -> None:
    with pytest.raises(ValueError):
        total([1.0], discount=1.5)


def test_shipping_light() -> None:
    assert shipping(0.5) == 4.5


def test_shipping_heavy() -> None:
    assert shipping(12) == 10.0
