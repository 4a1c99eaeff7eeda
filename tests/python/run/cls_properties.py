class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError(f"balance cannot be negative: {value}")
        self._balance = value

    @property
    def label(self):
        return f"{self.owner.title()}: {self._balance:,.2f}"


acct = Account("jane doe", 1500)
print(acct.balance, acct.label)
acct.balance = 2500.5
print(acct.balance, acct.label)
try:
    acct.balance = -1
except ValueError as exc:
    print("rejected:", exc)
print(acct.balance)
try:
    acct.label = "x"
except AttributeError as exc:
    print("AttributeError:", exc)
print(type(Account.balance).__name__)


class Temperature:
    def __init__(self):
        self._c = 0.0

    def get_f(self):
        return self._c * 9 / 5 + 32

    def set_f(self, value):
        self._c = (value - 32) * 5 / 9

    fahrenheit = property(get_f, set_f)


t = Temperature()
t.fahrenheit = 212
print(t._c, t.fahrenheit)
