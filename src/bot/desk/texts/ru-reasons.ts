import type { ArticleProblem } from "../../../articles/article-problem.js";
import type { FeedProblem } from "../../../feeds/feed-errors.js";
import { plural } from "../../../i18n/plural.js";

// The reasons the services give as data, worded for the desk.

const n = (count: number, one: string, few: string, many: string) =>
  plural("ru", count, { one, few, many, other: few });

/** Why a text was not taken, in Russian. */
export function articleProblem(p: ArticleProblem): string {
  switch (p.code) {
    case "too-long":
      return `в тексте ${n(p.length, "символ", "символа", "символов")}, а можно не больше ${p.max.toLocaleString("ru-RU")}`;
    case "binary":
      return "это похоже на двоичные данные, а не на текст";
    case "empty":
      return "текст пустой";
    case "only-call-to-action":
      return "в тексте только строка с призывом подписаться";
    case "headline-too-long":
      return `первая строка должна быть заголовком, а она длиннее ${p.max} символов`;
    case "too-short":
      return "текст слишком короткий: заголовок — в первой строке, ниже хотя бы одно предложение текста";
    case "no-headline":
      return "у статьи нет заголовка";
  }
}

/** Why a feed was refused, in Russian. */
export function feedProblem(p: FeedProblem): string {
  switch (p.code) {
    case "invalid-url":
      return "это не адрес (пример: https://example.com/feed.xml)";
    case "scheme":
      return `принимаются только адреса http и https, а не ${p.scheme}`;
    case "credentials":
      return "адреса лент с именем пользователя или паролем не поддерживаются";
    case "internal-host":
      return `${p.host} — это этот компьютер или внутреннее имя; ленты должны быть в открытом интернете`;
    case "private-address":
      return `${p.host} — частный или локальный адрес; ленты должны быть в открытом интернете`;
    case "dns":
      return `сервер ${p.host} не найден (ошибка DNS)`;
    case "no-addresses":
      return `у сервера ${p.host} нет адресов`;
    case "content-type":
      return `сервер прислал ${p.type}, а это не может быть лентой`;
    case "too-large":
      return `лента больше ${p.mb} МБ`;
    case "timeout":
      return `сервер не ответил за ${String(p.seconds).replace(".", ",")} с`;
    case "unreachable":
      return `до сервера не достучаться (${p.detail})`;
    case "redirect-loop":
      return "сервер перенаправляет по кругу";
    case "too-many-redirects":
      return `сервер перенаправил больше ${p.max} раз`;
    case "http-status":
      return `сервер ответил кодом ${p.status}`;
    case "gzip-broken":
      return "лента сжата gzip, но сжатые данные повреждены";
    case "empty":
      return "ответ пустой, это не лента";
    case "json-not-feed":
      return "это JSON, но не JSON Feed";
    case "html-page":
      return "это HTML-страница, а не лента";
    case "not-a-feed":
      return "это не лента (нет документа RSS, Atom, RDF или JSON Feed)";
    case "malformed":
      return "лента повреждена и не читается";
    case "too-deep":
      return `HTML одной из записей вложен глубже ${p.depth} элементов; лента не читается`;
    case "read-too-long":
      return `чтение ленты заняло больше ${String(p.seconds).replace(".", ",")} с (слишком большая или сложная); оно остановлено`;
    case "not-modified-first":
      return "на первый запрос сервер ответил 304 Not Modified";
    case "exists":
      return `эта лента уже добавлена (№${p.feedId})`;
    case "not-found":
      return `ленты №${p.feedId} нет`;
  }
}
