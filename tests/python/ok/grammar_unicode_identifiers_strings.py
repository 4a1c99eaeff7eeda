# 사용자 관리 모듈 — 유니코드 식별자와 문자열
사용자 = "홍길동"
이메일 = "hong@example.com"
나이 = 30
café = "커피"
π = 3.14159
Ωmega = "Ω"
変数 = "日本語"
naïve_résumé = "ok"


def 인사(이름: str = 사용자) -> str:
    """이름을 받아 인사말을 돌려줍니다."""
    return f"안녕하세요, {이름}님! ({나이}세)"


class 회원:
    등급 = "일반"

    def __init__(self, 이름):
        self.이름 = 이름

    def __repr__(self):
        return f"<회원 {self.이름!r} 등급={self.등급}>"


메시지 = 인사() + " 🎉"
emoji_string = "✅ 완료 / ❌ 실패"
mixed = {"키": "값", "key": "値"}
escaped = "\uc0ac\uc6a9\uc790"
bytes_from_korean = "사용자".encode("utf-8")
