package dev.llmqm.scoring;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Prompt-injection and jailbreak detector over phrase families, in [0,1] ({@code >= 0.5} = flagged).
 *
 * <p>Text is folded first (lower case, zero-width and format characters removed, fullwidth forms mapped,
 * whitespace collapsed). Each rule has literal triggers (a cheap {@code contains} prefilter) and an RE2J
 * pattern; a rule's weight is the evidence it carries. Matching rules combine by noisy-OR, {@code 1 - Π(1 - w)}, so one
 * strong phrase (≈0.85) or two weak ones (≈0.4 each) flag. Leetspeak inside words is undone in a second pass.
 *
 * <p>Families: instruction override ("ignore all previous instructions"), system-prompt extraction ("print
 * your system prompt", "repeat the words above"), role-play jailbreaks (DAN, "do anything now", "no longer
 * bound by", "developer mode enabled", "without any restrictions", unfiltered personas, bypassing safety
 * filters), fake chat-template tags ({@code <|im_start|>system}, {@code [SYSTEM]}, {@code ### Instruction},
 * "new instructions:"), encoded payloads (instructions to decode and follow; base64 blobs that decode to an
 * injection), and indirect injection (text addressing "the AI reading this", hiding things from the user,
 * exfiltration links). Indirect-injection rules carry full weight in retrieved context and half weight in the
 * prompt. Benign uses of the same words ("ignore the typos", "act as a SQL tutor", "enable developer mode on my
 * phone", "what is a system prompt") do not match any rule. Thread-safe.
 */
public final class InjectionScorer {

  /** Outcome of a scan: the score and whether the strongest signal came from the context. */
  public record Result(double score, boolean inContext) {}

  private enum Family { OVERRIDE, EXTRACTION, JAILBREAK, TAGS, ENCODED, INDIRECT }

  /**
   * One phrase rule. {@code requires}, when non-null, lists literals of which at least one must occur somewhere
   * in the text before the pattern runs: a cheap guard for rules whose triggers are common words.
   */
  private record Rule(Family family, double weight, String[] triggers, Pattern pattern, String[] requires) {
    Rule requires(String... literals) {
      return new Rule(family, weight, triggers, pattern, literals);
    }
  }

  private static final String W = "(?: \\S+)";
  private static final String OVERRIDE_VERBS =
      "(?:ignore|ignoring|disregard|forget|skip|bypass|override|overrule|neglect|abandon|discard|drop|erase"
          + "|set aside|pay no attention to|do not follow|don't follow|stop following|no longer follow"
          + "|throw out|scrap|overwrite|wipe|nevermind|never mind)";
  private static final String QUALIFIERS =
      "(?:previous|previously|prior|above|earlier|preceding|original|initial|old|existing|former|system"
          + "|all|your|current|default|developer|safety|built-in|earlier|my|above-mentioned)";
  private static final String STRONG_TARGETS =
      "(?:instructions?|directives?|prompts?|programming|guardrails|guidelines|guidance|directions|training"
          + "|safeguards|system prompt|system message|commands?|orders|instruction set|setup)";
  private static final String WEAK_TARGETS =
      "(?:rules|context|restrictions|constraints|polic(?:y|ies)|filters?|messages|limitations|conversation)";
  private static final String AGENTS =
      "(?:ai|a\\.i\\.|llm|gpt|chatgpt|claude|gemini|copilot|language model|assistant|chatbot|bot|agent"
          + "|model|large language model)";

  private static final List<Rule> RULES =
      List.of(
          rule(Family.OVERRIDE, 0.9, new String[] {"ignor", "disregard", "forget", "skip", "bypass", "overr", "neglect", "abandon", "discard", "drop", "erase", "set aside", "pay no attention", "do not follow", "don't follow", "stop following", "no longer follow", "throw out", "scrap", "overw", "wipe", "nevermind", "never mind"},
              "\\b" + OVERRIDE_VERBS + "\\b(?: \\S+){0,3}? " + QUALIFIERS + W + "{0,3}? " + STRONG_TARGETS
                  + "\\b"),
          rule(Family.OVERRIDE, 0.45, new String[] {"ignor", "disregard", "forget", "skip", "bypass", "overr", "neglect", "abandon", "discard", "drop", "erase", "set aside", "pay no attention", "do not follow", "don't follow", "stop following", "no longer follow", "throw out", "scrap", "overw", "wipe", "nevermind", "never mind"},
              "\\b" + OVERRIDE_VERBS + "\\b (?:the|any|every|given|these|those) " + STRONG_TARGETS + "\\b"),
          rule(Family.OVERRIDE, 0.85, new String[] {"ignor", "disregard", "forget", "skip", "bypass", "overr", "neglect", "abandon", "discard", "drop", "erase", "set aside", "pay no attention", "do not follow", "don't follow", "stop following", "no longer follow", "throw out", "scrap", "overw", "wipe", "nevermind", "never mind"},
              "\\b" + OVERRIDE_VERBS + "\\b(?: \\S+){0,2}? (?:previous|previously|prior|above|earlier"
                  + "|preceding|original|initial|existing|former|your|all(?: the| your)?|any)"
                  + W + "{0,2}? " + WEAK_TARGETS + "\\b"),
          rule(Family.OVERRIDE, 0.85, new String[] {"ignor", "disregard", "forget"},
              "\\b(?:ignore|disregard|forget)\\b (?:about )?(?:all |literally )?(?:everything|anything|all that"
                  + "|what(?:ever)?)" + W + "{0,4}? (?:above|before|previously|earlier|so far|you were told"
                  + "|you've been told|you have been told|i said|i told you|you know|you were given)"),
          rule(Family.OVERRIDE, 0.6, new String[] {"your ", "new ", "updated ", "real ", "actual ", "revised ", "true "},
              "(?:your )?(?:new|updated|real|actual|revised|true) (?:instructions?|directives?|task|orders"
                  + "|objective|mission|role|system prompt|rules)(?: are| is)?\\s?:")
              .requires("instruction", "directive", "task", "orders", "objective", "mission", "role", "prompt", "rules"),
          rule(Family.OVERRIDE, 0.6, new String[] {"new ", "real ", "actual ", "true "},
              "(?:new|real|actual|true) (?:instructions?|task|objective|goal|mission|role|purpose) (?:is|are)"
                  + " (?:to|now)\\b")
              .requires("instruction", "task", "objective", "goal", "mission", "role", "purpose"),
          rule(Family.OVERRIDE, 0.55, new String[] {"from now on", "from this point"},
              "\\bfrom (?:now on|this point(?: on| forward)?),? (?:you|your)\\b" + W + "{0,10}? (?:no|not"
                  + "|never|without|ignore|unfiltered|uncensored|unrestricted|dan|anything|evil|any (?:rules"
                  + "|restrictions|filters))\\b"),
          rule(Family.OVERRIDE, 0.85, new String[] {"ignor", "disregard", "forget", "skip", "bypass", "overr",
                  "neglect", "abandon", "discard", "drop", "erase", "set aside", "do not follow", "don't follow",
                  "stop following", "overw", "wipe", "throw out", "scrap"},
              OVERRIDE_VERBS + "\\b(?: \\S+){0,3}? (?:instructions?|rules|guidelines|directives|prompts?|orders"
                  + "|commands|guidance|programming) (?:that )?(?:you were|you've been|you have been|you were"
                  + " originally|you got|given to you|provided to you)(?: \\S+)?? ?(?:given|told|provided|trained"
                  + "|programmed|instructed)?\\b"),
          rule(Family.OVERRIDE, 0.8, new String[] {"your ", "the ", "all ", "these ", "any "},
              "(?:your|the|all|these|any)(?: \\S+)? (?:guidelines|rules|instructions|restrictions|polic(?:y|ies)"
                  + "|filters|safeguards|guardrails|limits|limitations|programming|training|content polic(?:y"
                  + "|ies)|safety rules|ethical guidelines) (?:no longer apply|don't apply|do not apply|are (?:now"
                  + " )?(?:suspended|disabled|lifted|void|gone|removed|off|null)|don't exist|do not exist"
                  + "|no longer exist|have been (?:removed|lifted|disabled|suspended))")
              .requires("apply", "exist", "suspended", "disabled", "lifted", "void", "gone", "removed", " off", " null"),
          rule(Family.OVERRIDE, 0.7, new String[] {"ignor", "disregard", "forget", "overr", "bypass", "skip"},
              "(?:ignore|ignoring|disregard|forget|override|bypass|skip)(?: the)? (?:user'?s?|human'?s?"
                  + "|customer'?s?) (?:actual )?(?:request|question|query|prompt|message|instructions?|input)"),
          rule(Family.EXTRACTION, 0.75, new String[] {"what"},
              "what (?:\\S+ )?(?:instructions|rules|guidelines|directives|prompt|system prompt)(?: \\S+){0,4}?"
                  + " (?:gave you|given to you|were you given|you were given|did \\S+ give you|you have been"
                  + " given|programmed you|told you to)")
              .requires("instruction", "rules", "guideline", "directive", "prompt"),
          rule(Family.JAILBREAK, 0.6, new String[] {"if", "imagine", "suppose", "assume", "pretend",
                  "hypothetically", "in a world", "let's say"},
              "(?:hypothetically,? )?(?:if|imagine|suppose|assume|pretend|in a world where|let's say)(?: \\S+){0,3}?"
                  + " (?:you|you've|you're|you'd)(?: \\S+)? (?:had|have|has|were|are|was|being) (?:no|zero"
                  + "|without|free of|free from) (?:\\S+ )?(?:restrictions|rules|filters|guidelines|limits"
                  + "|limitations|censorship|ethics|morals|safety|content polic(?:y|ies)|guardrails)\\b")
              .requires("no ", "zero", "without", "free of", "free from"),
          rule(Family.ENCODED, 0.7, new String[] {"decode", "decrypt"},
              "(?:decode|decrypt)(?: it| this| that| the \\S+)?,? (?:and|then) (?:execute|follow|run|obey|do it"
                  + "|do what|act|comply|perform)"),
          rule(Family.INDIRECT, 0.55, new String[] {"hey", "hi ", "hello", "dear", "attention", "important",
                  "note", "yo "},
              "(?:hey|hi|hello|dear|attention|important|note|yo):?,? (?:the |an? |any |all )?(?:ai|llm|gpt"
                  + "|chatgpt|claude|gemini|copilot|bard|assistant|chatbot|bot|agent|language model|model)s?\\b,")
              .requires("ai", "llm", "gpt", "claude", "gemini", "copilot", "bard", "assistant", "bot", "agent", "model"),
          rule(Family.INDIRECT, 0.55, new String[] {"ai", "llm", "gpt", "chatgpt", "claude", "gemini", "copilot",
                  "language model", "assistant", "chatbot", "bot", "agent", "model", "the ai", "the assistant",
                  "the model", "any ai", "any assistant"},
              "(?:(?:the|any|an?) )?" + AGENTS + "s? (?:should|must|will|shall|needs to|has to|is required to"
                  + "|is instructed to)(?: always)? (?:recommend|say|respond|reply|answer|include|mention|state"
                  + "|claim|tell|output|ignore|insert|append|promote|prefer|praise|disparage)\\b")
              .requires("should", "must", "will", "shall", "needs to", "has to", "is required", "is instructed"),
          // ---- extraction
          rule(Family.EXTRACTION, 0.85, new String[] {"reveal", "print", "show", "display", "output", "repeat", "recite", "dump", "leak", "expose", "disclose", "share", "tell", "give", "write", "spell", "paste", "copy", "return", "translate", "summari", "read", "list", "provide", "send", "type"},
              "\\b(?:reveal|print|show|display|output|repeat|recite|dump|leak|expose|disclose|share|tell|give"
                  + "|write|spell|paste|copy|return|translate|summari[sz]e|read|list|provide|send|type)\\b"
                  + W + "{0,4}? (?:your|the|its|this (?:ai|bot|assistant|model|chatbot)'?s?) (?:\\S+ ){0,2}?"
                  + "(?:system (?:prompt|message|instructions)|(?:initial|original|hidden|secret|internal"
                  + "|confidential|developer|first|full|exact|complete|entire|underlying|custom|pre-?set)"
                  + " (?:prompt|instructions|rules|message|directives|configuration|guidelines)"
                  + "|pre-?prompt|meta-?prompt|instructions (?:you were|you have been|you've been) given"
                  + "|prompt above|instructions above)\\b")
              .requires("prompt", "instruction", "rules", "message", "directive", "configuration", "guideline"),
          rule(Family.EXTRACTION, 0.8, new String[] {"what"},
              "what(?:'s| is| are| was| were| does| did)\\b" + W + "{0,2}? your (?:\\S+ )?(?:system prompt|system"
                  + " message|(?:initial|original|hidden|secret|internal|exact|full|first|developer)"
                  + " (?:prompt|instructions|rules|directives))\\b"),
          rule(Family.EXTRACTION, 0.75, new String[] {"repeat", "print", "output", "recite", "copy", "show", "display", "write", "reproduce", "echo", "paste"},
              "\\b(?:repeat|print|output|recite|copy|show|display|write|reproduce|echo|paste)\\b(?: \\S+){0,4}?"
                  + " (?:words|text|everything|all|content|instructions|message|lines|prompt|sentences)"
                  + "(?: \\S+){0,2}? (?:above|before (?:this|my)|preceding)\\b"),
          rule(Family.EXTRACTION, 0.75, new String[] {"repeat", "print", "output", "recite", "copy", "show",
                  "display", "reveal", "dump", "leak", "paste", "echo"},
              "(?:repeat|print|output|recite|copy|show|display|reveal|dump|leak|paste|echo)\\b(?: \\S+){0,2}?"
                  + " (?:above|preceding|prior|initial|original|hidden|secret|system|earlier) (?:prompt|instructions"
                  + "|system prompt|system message|directives|rules)\\b"),
          rule(Family.EXTRACTION, 0.75, new String[] {"repeat", "print", "output", "recite", "copy", "show", "reproduce", "echo"},
              "\\b(?:repeat|print|output|recite|copy|show|reproduce|echo)\\b" + W + "{0,6}? (?:instructions"
                  + "|prompt|rules|guidelines|message|configuration)\\b" + W + "{0,3}? (?:verbatim|word for"
                  + " word)"),
          rule(Family.EXTRACTION, 0.75, new String[] {"repeat", "print", "output", "recite", "copy", "reproduce"},
              "\\b(?:repeat|print|output|recite|copy|reproduce)\\b" + W + "{0,6}? (?:starting|beginning"
                  + "|that begins?) with ['\"]?you are"),
          // ---- jailbreak / role play
          rule(Family.JAILBREAK, 0.9, new String[] {"do anything now"}, "\\bdo anything now\\b"),
          rule(Family.JAILBREAK, 0.8, new String[] {"you are", "you're", "act as", "acting as", "become", "pretend to be", "stay", "you will be", "play", "roleplay as", "role-play as", "dan ", "anti-dan", "respond", "answer", "reply", "speak", "talk", "write"},
              "(?:you are|you're|act as|acting as|become|pretend to be|stay|you will be|play|roleplay as"
                  + "|role-play as|(?:respond|answer|reply|speak|talk|write)(?: only)? as) (?:now )?(?:a |the )?dan\\b|dan mode\\b|anti-dan\\b|dan prompt\\b")
              .requires("dan"),
          rule(Family.JAILBREAK, 0.85, new String[] {"no longer", "not "},
              "(?:no longer|not) (?:bound|restricted|limited|constrained|governed|held back|required to follow"
                  + "|obligated to follow|subject to)\\b(?: by| to)?(?: \\S+){0,3}? (?:rules|restrictions"
                  + "|guidelines|polic(?:y|ies)|openai|anthropic|ethics|ethical|moral|filters|programming"
                  + "|limitations|guardrails|content|training|constraints|any)\\b"),
          rule(Family.JAILBREAK, 0.75, new String[] {"freed", "free", "liberated", "released", "broken free", "break free"},
              "\\b(?:freed|free|liberated|released|broken free|break free)\\b (?:from|of)" + W + "{0,3}?"
                  + " (?:rules|restrictions|constraints|guidelines|policies|limitations|confines|shackles"
                  + "|chains|programming|filters|censorship|openai|anthropic)\\b"),
          rule(Family.JAILBREAK, 0.8, new String[] {"developer mode", "dev mode"},
              "\\b(?:developer|dev) mode (?:enabled|activated|is on|output|response|unlocked)"),
          rule(Family.JAILBREAK, 0.75, new String[] {"you are", "you're", "you will", "act as", "acting as", "pretend", "simulate", "emulate", "behave"},
              "\\b(?:you are|you're|you will|act as|acting as|pretend|simulate|emulate|behave)\\b"
                  + W + "{0,5}? (?:with |in |as if in )?(?:developer|dev) mode")
              .requires("developer mode", "dev mode"),
          rule(Family.JAILBREAK, 0.7, new String[] {"jailbr"}, "\\bjailbr(?:oken|eak mode|eaked)\\b"),
          rule(Family.JAILBREAK, 0.35, new String[] {"jailbreak"}, "\\bjailbreak"),
          rule(Family.JAILBREAK, 0.45, new String[] {"without"},
              "\\bwithout (?:any |all |your |the )?(?:\\S+ )?(?:restrictions|filters|filtering|limitations|"
                  + "censorship|rules|guidelines|boundaries|limits|guardrails|ethic(?:s|al guidelines|al"
                  + " constraints|al considerations)|moral(?:s|ity| constraints)|safety (?:guidelines"
                  + "|filters|measures)|content polic(?:y|ies)|refusals?|warnings)\\b"),
          rule(Family.JAILBREAK, 0.6, new String[] {"unfiltered", "uncensored", "unrestricted", "unbound", "unchained", "amoral", "unethical", "evil", "unaligned", "rogue", "limitless"},
              "\\b(?:unfiltered|uncensored|unrestricted|unbound|unchained|amoral|unethical|evil|unaligned"
                  + "|rogue|limitless) (?:ai|assistant|chatbot|model|version|mode|persona|character|gpt|llm"
                  + "|alter ego|twin|bot|entity)\\b"),
          rule(Family.JAILBREAK, 0.75, new String[] {"pretend", "act", "behave", "roleplay", "role-play", "imagine", "respond", "answer", "reply", "write", "talk", "speak", "output", "simulate", "you are",
                  "you're"},
              "\\b(?:pretend|act|behave|roleplay|role-play|imagine|respond|answer|reply|write|talk|speak|output"
                  + "|simulate|you are|you're)\\b"
                  + W + "{0,8}? (?:unfiltered|uncensored|unrestricted|amoral|unaligned|(?:no|zero) (?:rules|restrictions"
                  + "|limits|filters|ethics|morals|guidelines|boundaries|censorship|content polic(?:y|ies)))"
                  + "\\b")
              .requires("unfiltered", "uncensored", "unrestricted", "amoral", "unaligned", "no ", "zero "),
          rule(Family.JAILBREAK, 0.85, new String[] {"ignor", "bypass", "disable", "turn off", "switch off", "overr", "circumvent", "evade", "get around", "break", "deactivate", "remove", "lift", "suspend"},
              "\\b(?:ignore|ignoring|bypass|disable|turn off|switch off|override|circumvent|evade|get around"
                  + "|break|deactivate|remove|lift|suspend)\\b" + W + "{0,3}? (?:safety|content|ethical"
                  + "|moral|openai'?s?|anthropic'?s?|security|censorship) (?:\\S+ )?(?:filters?|guidelines"
                  + "|polic(?:y|ies)|restrictions|rules|protocols|measures|guardrails|settings|training"
                  + "|constraints|moderation|safeguards)\\b")
              .requires("safety", "content", "ethic", "moral", "openai", "anthropic", "security", "censorship"),
          rule(Family.JAILBREAK, 0.6, new String[] {"never", "don't", "do not", "must not", "cannot", "can't", "will not", "won't", "are not allowed", "are unable"},
              "\\b(?:never|don't|do not|must not|cannot|can't|will not|won't|are not allowed to|are unable"
                  + " to) (?:ever )?(?:refuse|decline|say no|reject (?:any|a) request)\\b")
              .requires("refuse", "decline", "say no", "reject"),
          rule(Family.JAILBREAK, 0.6, new String[] {"you have no", "you have zero", "you don't have", "you do not have"},
              "you (?:have no|have zero|don't have any|do not have any|don't have|do not have) (?:\\S+ )?(?:rules"
                  + "|restrictions|limits|limitations|filters|ethics|morals|guidelines|boundaries"
                  + "|censorship|content polic(?:y|ies))\\b"),
          rule(Family.JAILBREAK, 0.6, new String[] {"you can", "you will", "you must", "you shall"},
              "\\byou (?:can|will|must|shall) (?:now )?(?:do|say|answer|generate|write) anything\\b")
              .requires("anything"),
          rule(Family.JAILBREAK, 0.55, new String[] {"opposite", "evil", "chaos", "god", "sudo", "unrestricted", "jailbreak", "dude", "stan", "aim", "unfiltered", "uncensored", "no-filter", "nofilter", "based"},
              "\\b(?:opposite|evil|chaos|god|sudo|unrestricted|jailbreak|dude|stan|aim|unfiltered"
                  + "|uncensored|no-?filter|based) mode\\b")
              .requires(" mode"),
          rule(Family.JAILBREAK, 0.35, new String[] {"stay", "remain", "keep", "break"},
              "\\b(?:stay|remain|keep|break) (?:in|out of) character\\b")
              .requires("character"),
          // ---- fake template tags
          rule(Family.TAGS, 0.85, new String[] {"<|"},
              "<\\|(?:im_start|im_end|system|endoftext|user|assistant|begin_of_text|start_header_id"
                  + "|end_header_id|eot_id)\\|?>"),
          rule(Family.TAGS, 0.7, new String[] {"[s", "[/", "[i", "[a", "[d", "[o", "<<"},
              "\\[/?(?:system|inst|sys|system message|system override|admin|developer|override)\\]"
                  + "|<</?sys>>"),
          rule(Family.TAGS, 0.6, new String[] {"<s", "</", "<i", "<a", "<d"}, "</?(?:system|sys|instructions?|admin|developer)>"),
          rule(Family.TAGS, 0.55, new String[] {"##"},
              "#{2,4} ?(?:new )?(?:instructions?|system|system prompt)\\b"),
          rule(Family.TAGS, 0.6, new String[] {"system", "admin", "developer", "root"},
              "(?:system|admin|developer|root) (?:override|update|notice|alert|message|instruction|note)"
                  + "s? ?:"),
          // ---- encoded payloads
          rule(Family.ENCODED, 0.8, new String[] {"decode", "decrypt", "deobfuscate", "translate", "convert", "interpret", "read"},
              "\\b(?:decode|decrypt|deobfuscate|translate|convert|interpret|read)\\b" + W + "{0,5}?"
                  + " (?:base ?64|b64|rot-?13|hex|binary|morse|caesar|reversed|backwards|encoded)\\b"
                  + W + "{0,10}? (?:follow|execute|obey|run|perform|carry out|comply|act on|do what|do as"
                  + "|then do|and do)\\b"),
          rule(Family.ENCODED, 0.6, new String[] {"follow", "execute", "obey", "run", "perform", "carry out"},
              "\\b(?:follow|execute|obey|run|perform|carry out)\\b" + W + "{0,4}? (?:base ?64|encoded|hidden"
                  + "|obfuscated) (?:instructions?|commands?|text|message|payload)\\b"),
          // ---- indirect (weighted down outside retrieved context)
          rule(Family.INDIRECT, 0.75, new String[] {"ai", "a.i.", "llm", "gpt", "chatgpt", "claude", "gemini", "copilot", "language model", "assistant", "chatbot", "bot", "agent", "model", "large language model"},
              AGENTS + "s?\\b,?(?: \\S+){0,2}? (?:reading|processing|parsing|summari[sz]ing|analy[sz]ing"
                  + "|that reads|who reads|that is reading|viewing|scanning|ingesting|crawling|(?:when|if|once"
                  + "|after|as soon as) you (?:read|see|process|parse|summari[sz]e|encounter|find|reach))"
                  + " (?:this|these)\\b"),
          rule(Family.INDIRECT, 0.7, new String[] {"if you are"},
              "\\bif you are an? (?:ai|llm|language model|assistant|chatbot|bot|large language model"
                  + "|automated|gpt|agent)\\b"),
          rule(Family.INDIRECT, 0.7, new String[] {"note", "message", "instruction", "attention", "important", "reminder"},
              "(?:note|message|instructions?|attention|important|reminder) (?:to|for) (?:the |any |all )?"
                  + AGENTS + "s?\\b"),
          rule(Family.INDIRECT, 0.6, new String[] {"do not", "don't", "never", "without"},
              "\\b(?:do not|don't|never|without) (?:tell|telling|inform|informing|mention|mentioning|reveal"
                  + "|revealing|disclose|disclosing|alert|alerting|let)\\b(?: \\S+){0,2}? (?:the )?(?:user"
                  + "|human|reader|customer|operator)\\b")
              .requires("user", "human", "reader", "customer", "operator"),
          rule(Family.INDIRECT, 0.6, new String[] {"!["},
              "!\\[[^\\]]{0,60}\\]\\(https?://[^ )]{0,200}[?&][a-z_]{1,20}="),
          rule(Family.INDIRECT, 0.55, new String[] {"send", "forward", "post", "upload", "exfiltrat", "email", "transmit", "leak"},
              "\\b(?:send|forward|post|upload|exfiltrate|email|transmit|leak)\\b" + W + "{0,6}?"
                  + " (?:to|at) (?:https?://|\\S+@\\S+\\.)")
              .requires("http", "@"),
          rule(Family.INDIRECT, 0.45, new String[] {"instead"},
              "\\binstead,? (?:say|respond|reply|tell (?:the user|them)|output|write|answer|recommend)\\b"),
          rule(Family.INDIRECT, 0.5, new String[] {"when"},
              "\\bwhen (?:the user|asked|summari[sz]ing|answering|responding)\\b" + W + "{0,8}?"
                  + " (?:always |you must |you should )?(?:say|respond with|reply with|tell them|output"
                  + "|recommend|include)\\b")
              .requires("say", "respond", "reply", "tell them", "output", "recommend", "include"));

  private static final int MAX_BLOBS = 8;
  private static final int CONTEXT_BUDGET_FIELDS = 4;
  private static final int MAX_WINDOWS = 48;
  private static final int WINDOW = 200;
  private static final int MIN_BLOB = 24;

  private final int maxFieldChars;

  /** Creates a detector capping each field at {@code maxFieldChars}. */
  public InjectionScorer(int maxFieldChars) {
    this.maxFieldChars = maxFieldChars;
  }

  /** Creates a detector with {@link ScoringConfig#defaults()}. */
  public InjectionScorer() {
    this(ScoringConfig.DEFAULT_MAX_FIELD_CHARS);
  }

  /**
   * Scores the prompt and the context chunks (each capped at the field limit, all together at {@value
   * #CONTEXT_BUDGET_FIELDS} times it); the result is the maximum over them.
   */
  public Result score(String prompt, List<String> context) {
    double best = scoreText(prompt, false);
    boolean inContext = false;
    if (context != null) {
      long budget = CONTEXT_BUDGET_FIELDS * (long) maxFieldChars;
      for (String chunk : context) {
        if (chunk == null || budget <= 0) {
          continue;
        }
        String capped = Text.cap(chunk, (int) Math.min(maxFieldChars, budget));
        budget -= capped.length();
        double s = contextScore(capped);
        if (s > best) {
          best = s;
          inContext = true;
        }
      }
    }
    return new Result(best, inContext && best > 0);
  }

  /**
   * Retrieved chunks repeat across events (the same knowledge-base passages), so their scores are
   * cached by a 64-bit hash of the chunk text; the cache is bounded and simply cleared when full.
   */
  private final java.util.concurrent.ConcurrentHashMap<Long, Double> chunkScores = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int CHUNK_CACHE_MAX = 8192;

  private double contextScore(String chunk) {
    long key = GroundednessScorer.hash64(chunk) ^ ((long) chunk.length() << 48);
    Double cached = chunkScores.get(key);
    if (cached != null) {
      return cached;
    }
    double s = scoreText(chunk, true);
    if (chunkScores.size() >= CHUNK_CACHE_MAX) {
      chunkScores.clear();
    }
    chunkScores.put(key, s);
    return s;
  }

  /** Scores one text; {@code retrieved} gives indirect-injection rules full weight. */
  public double scoreText(String text, boolean retrieved) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    String raw = Text.cap(text, maxFieldChars);
    String folded = Text.fold(raw);
    double keep = phrases(folded, retrieved);
    if (folded.startsWith("system:") || folded.startsWith("system :")) {
      keep *= 0.5; // a fake "system:" turn at the very start
    }
    String deleeted = deleet(folded);
    if (deleeted != folded) {
      keep = Math.min(keep, phrases(deleeted, retrieved));
    }
    keep *= 1 - encodedBlobs(raw, retrieved);
    return Text.clamp01(1 - keep);
  }

  /** Noisy-OR complement: the product of {@code 1 - w} over all matching rules. */
  private static double phrases(String folded, boolean retrieved) {
    double keep = 1;
    int n = folded.length();
    boolean[] matched = new boolean[RULES.size()];
    int[] windows = new int[RULES.size()];
    for (int i = 0; i + 1 < n; i++) {
      char c = folded.charAt(i);
      if (Character.isLetter(c) && i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
        continue; // word triggers only at word starts
      }
      List<Trigger> candidates = triggersAt(c, folded.charAt(i + 1));
      if (candidates == null) {
        continue;
      }
      for (Trigger t : candidates) {
        if (matched[t.rule] || windows[t.rule] >= MAX_WINDOWS || !folded.startsWith(t.text, i)) {
          continue;
        }
        Rule r = RULES.get(t.rule);
        if (r.requires != null && windows[t.rule] == 0 && !containsAny(folded, r.requires)) {
          windows[t.rule] = MAX_WINDOWS; // guard literal absent: the rule cannot match anywhere
          continue;
        }
        windows[t.rule]++;
        if (r.pattern.matcher(folded.substring(i, Math.min(n, i + WINDOW))).find()) {
          matched[t.rule] = true;
          keep *= 1 - (r.family == Family.INDIRECT && !retrieved ? r.weight * 0.5 : r.weight);
        }
      }
    }
    return keep;
  }

  private static boolean containsAny(String s, String[] literals) {
    for (String l : literals) {
      if (s.contains(l)) {
        return true;
      }
    }
    return false;
  }

  private static int key(char a, char b) {
    return a << 16 | b;
  }

  /** A literal trigger of rule number {@code rule}. */
  private record Trigger(String text, int rule) {}

  /**
   * Triggers indexed by their first two chars: the text is scanned once, and a rule's anchored pattern runs
   * only on a {@value #WINDOW}-char window starting at a word-initial trigger (at most {@value #MAX_WINDOWS}
   * windows per rule), so the cost stays bounded on hostile text.
   */
  private static final java.util.Map<Integer, List<Trigger>> TRIGGERS = indexTriggers();

  /** The same index for ASCII pairs as a flat table: no boxing or hashing per character on the hot path. */
  @SuppressWarnings("unchecked")
  private static final List<Trigger>[] ASCII_TRIGGERS = asciiTable();

  @SuppressWarnings("unchecked")
  private static List<Trigger>[] asciiTable() {
    List<Trigger>[] table = new List[128 * 128];
    TRIGGERS.forEach((key, list) -> {
      int a = key >>> 16;
      int b = key & 0xffff;
      if (a < 128 && b < 128) {
        table[a * 128 + b] = list;
      }
    });
    return table;
  }

  private static List<Trigger> triggersAt(char a, char b) {
    if (a < 128 && b < 128) {
      return ASCII_TRIGGERS[a * 128 + b];
    }
    return TRIGGERS.get(key(a, b));
  }

  private static java.util.Map<Integer, List<Trigger>> indexTriggers() {
    java.util.Map<Integer, List<Trigger>> m = new java.util.HashMap<>();
    for (int r = 0; r < RULES.size(); r++) {
      for (String t : RULES.get(r).triggers) {
        if (t.length() < 2) {
          throw new IllegalStateException("trigger too short: " + t);
        }
        m.computeIfAbsent(key(t.charAt(0), t.charAt(1)), k -> new java.util.ArrayList<>())
            .add(new Trigger(t, r));
      }
    }
    return java.util.Map.copyOf(m);
  }

  /**
   * Undoes leetspeak inside words ("ign0re", "1nstructions", "@dmin"): a digit or symbol is mapped to a letter
   * only next to a letter. Returns the same instance when nothing changes.
   */
  static String deleet(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char m = leet(c);
      if (m == 0) {
        continue;
      }
      boolean prev = i > 0 && Character.isLetter(s.charAt(i - 1));
      boolean next = i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
      if (prev || next) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = m;
      }
    }
    return out == null ? s : new String(out);
  }

  private static char leet(char c) {
    switch (c) {
      case '0': return 'o';
      case '1': return 'i';
      case '3': return 'e';
      case '4': return 'a';
      case '5': return 's';
      case '7': return 't';
      case '@': return 'a';
      case '$': return 's';
      default: return 0;
    }
  }


  /**
   * Finds up to {@value #MAX_BLOBS} base64-looking runs of at least {@value #MIN_BLOB} chars, decodes them,
   * and scores decoded printable text with the phrase rules (one level deep).
   */
  private static double encodedBlobs(String s, boolean retrieved) {
    int n = s.length();
    int i = 0;
    int blobs = 0;
    double best = 0;
    while (i < n && blobs < MAX_BLOBS) {
      while (i < n && !b64(s.charAt(i))) {
        i++;
      }
      int st = i;
      boolean upper = false;
      boolean lower = false;
      while (i < n && b64(s.charAt(i))) {
        char c = s.charAt(i);
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        i++;
      }
      int len = i - st;
      if (len < MIN_BLOB || !upper || !lower) {
        continue;
      }
      blobs++;
      String decoded = decode(s.substring(st, Math.min(i, st + 4096)));
      if (decoded == null) {
        continue;
      }
      double inner = 1 - phrases(Text.fold(decoded), retrieved);
      best = Math.max(best, inner >= 0.5 ? 0.9 : 0.2);
    }
    return best;
  }

  private static String decode(String blob) {
    String b = blob;
    int cut = b.length() - b.length() % 4;
    b = b.substring(0, cut).replace('-', '+').replace('_', '/');
    try {
      byte[] bytes = Base64.getDecoder().decode(b);
      if (bytes.length < 12) {
        return null;
      }
      int printable = 0;
      int letters = 0;
      for (byte x : bytes) {
        if (x >= 32 && x < 127 || x == '\n' || x == '\t') {
          printable++;
        }
        if (x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z') {
          letters++;
        }
      }
      if (printable < bytes.length * 0.9 || letters < bytes.length * 0.5) {
        return null;
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean b64(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/'
        || c == '=' || c == '-' || c == '_';
  }

  /**
   * A rule's regex must start with one of its triggers: the pattern is compiled anchored ({@code ^}) and run
   * on a short window starting at each trigger occurrence, so RE2J stops as soon as the phrase cannot match.
   */
  private static Rule rule(Family family, double weight, String[] triggers, String regex) {
    String body = regex.startsWith("\\b") ? regex.substring(2) : regex;
    return new Rule(family, weight, triggers, Pattern.compile("^(?:" + body + ")"), null);
  }
}
