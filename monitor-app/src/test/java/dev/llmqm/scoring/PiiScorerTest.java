package dev.llmqm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScorerTest {

  private final PiiScorer scorer = new PiiScorer();

  @ParameterizedTest(name = "{0} in \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "EMAIL|Contact me at jane.doe+news@example.co.uk tomorrow.",
        "EMAIL|mail: bob_smith@mail-server.org",
        "PHONE|Call (212) 736-4100 after 5pm.",
        "PHONE|My number is 415-867-5309.",
        "PHONE|reach me on 646.724.2299",
        "PHONE|Phone: +1 650 253 0000",
        "PHONE|UK office: +44 20 7946 0958",
        "PHONE|Ruf an: +49 30 901820",
        "PHONE|+33 1 42 68 53 00 is the Paris number",
        "PHONE|Call +14155552671 now",
        "CREDIT_CARD|Card: 4111 1111 1111 1111, exp 12/27",
        "CREDIT_CARD|pay with 5500-0000-0000-0004",
        "CREDIT_CARD|amex 378282246310005 ok",
        "CREDIT_CARD|6011111111111117",
        "IBAN|IBAN DE89 3704 0044 0532 0130 00 please",
        "IBAN|GB82WEST12345698765432",
        "IBAN|Transfer to FR1420041010050500013M02606.",
        "US_SSN|SSN 536-22-8901 on file",
        "US_SSN|her social is 219 09 9999",
        "IP_ADDRESS|The server at 192.168.1.20 is down",
        "IP_ADDRESS|connect to 8.8.8.8",
        "IP_ADDRESS|client 2001:db8:85a3::8a2e:370:7334 connected",
        "IP_ADDRESS|fe80:0000:0000:0000:0202:b3ff:fe1e:8329",
        "SECRET|OPENAI_API_KEY=sk-proj-Abc123XyZ987Qwe456Rty0Uio1Pas2Dfg3",
        "SECRET|use sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        "SECRET|aws_access_key_id = AKIAIOSFODNN7QWERTYU",
        "SECRET|token ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "SECRET|xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "SECRET|key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
        "SECRET|-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA",
        "SECRET|-----BEGIN PRIVATE KEY-----",
        "SECRET|Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "SECRET|secret: Zx9Qm2Lp8Rt4Vb7Nc1Kd6Hf3Jg5Ws0Ya",
        "SECRET|password=hunter2024",
        "SECRET|client_secret: 8f14e45fceea167a5a36dedd4bea2543",
        "SECRET|legacy key sk-1234567890abcdef1234567890abcdef12345678",
        "US_SSN|My SSN is 457555462",
        "PHONE|text me at +91 98765 43210",
        "CREDIT_CARD|mastercard 5425 2334 3010 9903",
        "IBAN|IBAN: NL91ABNA0417164300",
        "SECRET|Post to https://hooks.slack.com/services/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 when done",
        "SECRET|hooks.slack.com/workflows/T01ABCDEF/A02BCDEFG/123456789/abcdefghijklmnopqrstuvwxyz012",
        "IP_ADDRESS|Traffic from 10.0.0.1 to 10.0.0.2 was blocked",
        "PHONE|Call the fictional number 917.555.0134",
        "PHONE|For the San Francisco store, call (415) 555-0132.",
        "PHONE|The made-up support line (555) 123-4567 is open 24/7.",
        "PHONE|Call the New York desk at +1-212-555-0187 if the shipment is delayed.",
        "PHONE|customer Lena Vogt (+49 151 23456789) paid by card",
        "SECRET|set api_token: 64gznswem97bezcb1vldwu4kbnismppy809biahb under the webhook section",
        "SECRET|REFRESH_TOKEN=1//0gkq8f3Lz7bXcCgYIARAAGBASNwF",
        "IP_ADDRESS|Traffic from 192.168.1.20 was blocked",
        "IP_ADDRESS|10.0.0.0/8 is private; the gateway is 10.0.0.1.",
        "SECRET|token glpat-xYz12AbCdEfGhIjKlMnO",
        "EMAIL|Contact: jane[at]example[dot]com",
        "SECRET|Authorization: Basic dXNlcjpTM2NyZXRQYXNzMjAyNA==",
        "EMAIL|Write to jane.doe (at) example (dot) co (dot) uk for details.",
        "EMAIL|JANE[AT]EXAMPLE[DOT]COM",
        "SECRET|use hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh for the hub",
        "SECRET|DATABASE_URL is postgres://admin:S3cretPassw0rd@db.internal:5432/prod",
        "SECRET|redis://:s3cr3tP4ss@cache.local:6379",
        "SECRET|The DB password is Tr0ub4dor&3xyz!",
        "SECRET|The password for the staging database is Zx9Qm2Lp8Rt4.",
        "SECRET|password was \"hunter2024\"",
      })
  void shouldFindPii(PiiType type, String text) {
    assertThat(scorer.scan(text)).contains(type);
  }

  @ParameterizedTest(name = "no PII in \"{0}\"")
  @ValueSource(
      strings = {
        "Your order number is 1234567890123.",
        "Order #4155550123 has shipped.",
        "Card 4111 1111 1111 1112 was declined (bad checksum).",
        "1234 5678 9012 3456",
        "Upgrade to version 1.2.3.4 today",
        "Released v2.10.0.1 with fixes",
        "See section 3.1.2.4 of the spec.",
        "The meeting is on 2024-03-15 at 14:30:00.",
        "Dates: 03/15/2024 and 15.03.2024",
        "It costs $1,234.56 or €2.499,00 in total.",
        "ISBN 978-3-16-148410-0",
        "ISBN-13: 9780306406157",
        "Tracking: 9400 1000 0000 0000 0000 00",
        "UPS 1Z999AA10123456784",
        "SSN 123-45-6789 is the classic example.",
        "Fake SSN 078-05-1120 from the wallet insert",
        "Invalid 666-12-3456 and 900-12-3456 and 123-00-4567 and 123-45-0000",
        "Population grew to 8,336,817 in 2020.",
        "Call 555-0123 in the movie",
        "Python 3.11.4 and Node 20.5.1",
        "The hash is e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "uuid 123e4567-e89b-12d3-a456-426614174000",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
        "Use AbstractSingletonProxyFactoryBeanConfigurationHelper in Spring.",
        "Install the scikit-learn package with sk-learn-style names",
        "Times: 12:30:45, ratio 16:9, std::vector<int>",
        "MAC 00:1A:2B:3C:4D:5E",
        "The temperature was 98.6 and pi is 3.14159265358979",
        "icon@2x.png and logo@3x.jpg",
        "Listen on 0.0.0.0 or 127.0.0.1",
        "Account number 000123456 and routing 021000021",
        "Coordinates 40.7128, -74.0060",
        "Invoice INV-2024-000123 totals 1,500.00",
        "Phone-like 123-456-7890 has an invalid area code",
        "Bumped to version 10.0.0.1 last week",
        "1-800 numbers? 2023 1000 people",
        "Order 457555462 shipped",
        "password: <your password>",
        "api_key = os.environ['KEY']",
        "Set DB_PASSWORD=${DB_PASSWORD} in the env",
        "Enter your password: ********",
        "Encoded greeting: aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Q=",
        "Patch 1.0.0.2 notes",
        "Latitude 37.7749, Longitude -122.4194",
        "Flight UA 1234 departs 10:45 from gate 22",
        "ZIP 90210-1234",
        "Build 20231105.1 of app 4.2.1.0",
        "Tested on Android 4.4.2.1 and upgraded to 2.0.1.3 later",
        "Version 10.2.14.3 fixes the crash; upgrade from 10.2.13.9.",
        "We migrated from 4.2.1.0 to 4.3.0.1 last week.",
        "Downgrade from 2.1.0.4 if it breaks.",
        "The CIDR block 172.16.0.0/12 is reserved for private networks.",
        "Slack's example https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "Read https://api.slack.com/messaging/webhooks for how hooks.slack.com/services works.",
        "task-force-2024-planning-committee-members-list",
        // the access key AWS's own guides print
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
        // a number that passes the Luhn check but is labelled an order or a serial, or is part of a longer one
        "Order number 4532 0151 1283 0366 shipped.",
        "Serial: 4111-1111-1111-1111-000",
        "The part number is 219-09-9998.",
        // basic credentials with a placeholder password ("admin:password", "user:pass"), and the scheme explained
        "Authorization: Basic YWRtaW46cGFzc3dvcmQ=",
        "Use Basic Auth with the header Authorization: Basic <credentials>.",
        // "at" in brackets that spells out no address
        "The meeting is [at] 10am in room B.",
        "Use the array a[at] = 5 and b[dot] = 2.",
        "The order number is 415-555-0123.",
        // connection strings with placeholder credentials, and anonymous FTP
        "postgres://user:password@localhost:5432/db",
        "postgres://USER:PASSWORD@HOST:5432/DB",
        "ftp://anonymous:guest@ftp.example.org",
        // "password is" followed by no password
        "The password is incorrect.",
        "Your password is 12 characters long.",
        "The password is case-sensitive and expires after 90 days.",
        "My password is 2FA-protected.",
        "The password manager is 1Password7 compatible.",
        "The new password is at least 10 characters and the old password was v2.",
        "The default password is admin; change it at first login.",
      })
  void shouldNotFlagNearMisses(String text) {
    assertThat(scorer.scan(text)).isEmpty();
  }

  @Test
  void shouldRequirePlusPrefixForForeignNationalNumbers() {
    assertThat(scorer.scan("Ring 020 7946 0958")).isEmpty();
    PiiScorer gb = new PiiScorer(new ScoringConfig(16384, Set.of("GB")));
    assertThat(gb.scan("Ring 020 7946 0958")).containsExactly(PiiType.PHONE);
    assertThat(gb.scan("Call (212) 555-0147")).isEmpty();
  }

  @Test
  void shouldNotReportAPhoneNumberInsideACardNumber() {
    // Diners groups 4-6-4: "930902 5904" alone would pass as a NANP number
    assertThat(scorer.scan("Diners 3056 930902 5904")).containsExactly(PiiType.CREDIT_CARD);
    assertThat(scorer.scan("Card 3056 930902 5904, call (930) 902-5904")).containsExactly(PiiType.PHONE,
        PiiType.CREDIT_CARD);
  }

  @Test
  void shouldReportTheCredentialsOfAUrlAsASecretNotAnEmail() {
    assertThat(scorer.scan("postgres://admin:S3cretPassw0rd@db.internal:5432/prod"))
        .containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("git clone https://oauth2:Zx9Qm2Lp8Rt4Vb7N@gitlab.com/group/repo.git"))
        .containsExactly(PiiType.SECRET);
    // a URL's user alone, and an address after a URL, are what they were
    assertThat(scorer.scan("https://user@example.com/path")).containsExactly(PiiType.EMAIL);
    assertThat(scorer.scan("see https://example.com/a:b and write to bob@example.com"))
        .containsExactly(PiiType.EMAIL);
  }

  @Test
  void shouldReturnEmptyForNullAndEmpty() {
    assertThat(scorer.scan(null)).isEmpty();
    assertThat(scorer.scan("")).isEmpty();
  }

  @Test
  void shouldOnlyScanUpToTheFieldCap() {
    PiiScorer small = new PiiScorer(new ScoringConfig(20, Set.of("US")));
    assertThat(small.scan("x".repeat(30) + " bob@example.com")).isEmpty();
  }

  @Test
  void shouldFindASecretThatEndsAtTheFieldCap() {
    String text = "x ".repeat(8169) + "token ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    assertThat(text).hasSize(16384);
    assertThat(scorer.scan(text)).containsExactly(PiiType.SECRET);
  }

  @Test
  void shouldMatchAssignmentKeysInAnyCase() {
    assertThat(scorer.scan("API_KEY=Zx9Qm2Lp8Rt4")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("Api-Key: \"hunter2024\"")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("PassWord: <your password>")).isEmpty();
  }

  @Test
  void shouldKeepLookingForAnIbanAfterTheDigitWindowsAreSpent() {
    assertThat(scorer.scan("1234 ".repeat(400) + "IBAN DE89 3704 0044 0532 0130 00")).contains(PiiType.IBAN);
  }

  @Test
  void shouldFindAPhoneAfterADigitRunLongerThanAWindow() {
    assertThat(scorer.scan("9".repeat(500) + " call 415-867-5309")).containsExactly(PiiType.PHONE);
  }

  @Test
  void shouldMatchKeysAfterCharsThatLowerCaseToTwo() {
    // U+0130 lower-cases to "i" plus a combining dot: offsets must still be those of the text
    assertThat(scorer.scan("\u0130stanbul office: password=Zx9Qm2Lp8Rt4")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("\u0130".repeat(50) + " key: value, password: <your password>")).isEmpty();
  }

  @Test
  void shouldFindProviderKeysWhoseHintIsInsideThem() {
    assertThat(scorer.scan("stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("restricted rk_live_51H8abcDEF4567ghijKLmn")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("see the is_live_ flag")).isEmpty();
  }

  @Test
  void shouldNotFlagRunsThatOnlyStartLikeKeys() {
    assertThat(scorer.scan(("eyJ" + "a".repeat(600) + " ").repeat(20))).isEmpty();
    assertThat(scorer.scan(("sk-" + "a".repeat(200) + " ").repeat(40))).isEmpty();
    assertThat(scorer.scan("sk-eyJxox AKIA".repeat(1_200))).isEmpty();
  }

  @Test
  void shouldMatchAnAssignmentAfterTheKeyWordInProse() {
    String prose = "To reset your password: open Settings, then Security. The password must have 12 chars. ";
    assertThat(scorer.scan(prose.repeat(10))).isEmpty();
    // mentions of the key word without an assignment take none of its windows
    assertThat(scorer.scan(prose.repeat(10) + "Temporary password: Zx9Qm2Lp8Rt4")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("client_secret = \"Zx9Qm2Lp8Rt4\"")).containsExactly(PiiType.SECRET);
    assertThat(scorer.scan("secret_access_key\"   :   Zx9Qm2Lp8Rt4")).containsExactly(PiiType.SECRET);
  }

  @Test
  void shouldSpendNoIpv6WindowOnClockTimesOrShortHexRuns() {
    String noise = "at 12:30, 10:15:00 and ff:ee:dd, ";
    assertThat(scorer.scan(noise.repeat(40))).isEmpty();
    // the times used to spend the window budget before the address
    assertThat(scorer.scan(noise.repeat(40) + "from fe80::1ff:fe23:4567:890a")).containsExactly(PiiType.IP_ADDRESS);
    assertThat(scorer.scan(noise.repeat(40) + "host 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up"))
        .containsExactly(PiiType.IP_ADDRESS);
  }

  @Test
  void shouldStopReadingDigitClustersOnceTheirBudgetIsSpent() {
    // dates and times between words cost the phone check a few chars each: the number after them is found
    String ledger = "shipped on 2024-03-05 at 12:30, invoice total 1,299.00 and ";
    assertThat(scorer.scan(ledger.repeat(5) + "call 415-867-5309")).containsExactly(PiiType.PHONE);
    // clusters of 76 digits each cost the phone, card and SSN patterns their whole length: after a few of them
    // the family has spent its chars and the number is no longer looked for
    String dense = "1234 ".repeat(19) + "x ";
    assertThat(scorer.scan(dense.repeat(2) + "call 415-867-5309")).containsExactly(PiiType.PHONE);
    assertThat(scorer.scan(dense.repeat(6) + "call 415-867-5309")).isEmpty();
    // other families keep their own budget
    assertThat(scorer.scan(dense.repeat(6) + "key sk-proj-Zx9Qm2Lp8Rt4Vb7Nc1Kd6Hf3Jg5Ws0Ya"))
        .containsExactly(PiiType.SECRET);
  }

  @Test
  void shouldFindAKeyAfterRunsThatOnlyStartLikeKeysWhileTheBudgetLasts() {
    String decoy = "sk-" + "a".repeat(200) + " ";
    assertThat(scorer.scan(decoy.repeat(6) + "sk-proj-Zx9Qm2Lp8Rt4Vb7Nc1Kd6Hf3Jg5Ws0Ya")).containsExactly(PiiType.SECRET);
    // a hint glued to a word ("task-", "risk-") is no key's start and costs nothing
    assertThat(scorer.scan("task-force risk-free desk-top ".repeat(50) + "sk-proj-Zx9Qm2Lp8Rt4Vb7Nc1Kd6Hf3Jg5Ws0Ya"))
        .containsExactly(PiiType.SECRET);
  }

  @Test
  void shouldValidateChecksums() {
    assertThat(PiiScorer.luhn("4111111111111111")).isTrue();
    assertThat(PiiScorer.luhn("4111111111111112")).isFalse();
    assertThat(PiiScorer.mod97("DE89370400440532013000")).isEqualTo(1);
    assertThat(PiiScorer.mod97("DE89370400440532013001")).isNotEqualTo(1);
  }
}
