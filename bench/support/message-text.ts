import { SeededRandom, Zipf } from './random'

/**
 * What customers write, for full-text search to chew on: common words very often, shop words
 * often, and a long tail of rare words (made-up but pronounceable), in Zipf proportions, plus order
 * numbers. Searches then hit a few rows, thousands of rows, or none, as they do in a real inbox.
 */
const common = (
  'i the to you a my is it and for of can please me have in on this what be we thanks hi hello do when your will with not are at was ' +
  'there how but so just get no yes ok okay need want know if from would could still today tomorrow now one any about all did has'
).split(' ')

const shop = (
  'order delivery parcel refund payment invoice address shipping tracking package courier return exchange size colour price discount ' +
  'voucher coupon receipt account password login email phone number store opening hours weekend monday friday available stock ' +
  'damaged broken missing wrong late delayed arrived received cancel cancelled confirm confirmation update change booking appointment ' +
  'table reservation menu allergy vegan gluten pickup collect driver van warehouse customs fee tax card cash transfer bank ' +
  'subscription plan upgrade downgrade invoice warranty repair replacement manual instructions battery charger cable screen ' +
  'shoes jacket dress shirt trousers bag watch ring necklace gift wrapping birthday wedding christmas sale newsletter unsubscribe ' +
  'complaint manager support agent human bot help problem issue question urgent asap soon week month berlin london paris madrid'
).split(' ')

const syllables = 'ka ri to mu se la no vi pe ra do ne shi ta lo mi ze ku fa be go hu ja ye wo qui tra ble ston ver mar lin dor'.split(' ')

function tailWords(count: number, random: SeededRandom): string[] {
  const words = new Set<string>()
  while (words.size < count) {
    const parts = 2 + random.int(3)
    let word = ''
    for (let i = 0; i < parts; i++) word += random.pick(syllables)
    if (!common.includes(word) && !shop.includes(word)) words.add(word)
  }
  return [...words]
}

export class MessageText {
  readonly vocabulary: string[]
  private readonly zipf: Zipf
  private readonly random: SeededRandom

  constructor(seed = 7) {
    this.random = new SeededRandom(seed)
    this.vocabulary = [...common, ...shop, ...tailWords(20_000, this.random)]
    this.zipf = new Zipf(this.vocabulary.length, 1.0)
  }

  /** 2–30 words, sometimes with an order number; capitalised like a chat message. */
  next(): string {
    const length = 2 + Math.floor(this.random.next() ** 2 * 28)
    const words: string[] = []
    for (let i = 0; i < length; i++) words.push(this.vocabulary[this.zipf.draw(this.random)]!)
    if (this.random.next() < 0.05) words.push(`#${100000 + this.random.int(900000)}`)
    const text = words.join(' ')
    return text.charAt(0).toUpperCase() + text.slice(1) + (this.random.next() < 0.3 ? '?' : '')
  }

  /** Searches a person would type into the inbox: shop words, rare words, two words, prefixes, order numbers, no match. */
  queries(count: number, seed = 11): string[] {
    const random = new SeededRandom(seed)
    const tailStart = common.length + shop.length
    const out: string[] = []
    for (let i = 0; i < count; i++) {
      const kind = i % 6
      if (kind === 0) out.push(random.pick(shop))
      else if (kind === 1) out.push(this.vocabulary[tailStart + random.int(2000)]!)
      else if (kind === 2) out.push(`${random.pick(shop)} ${random.pick(shop)}`)
      else if (kind === 3) out.push(random.pick(shop).slice(0, 4))
      else if (kind === 4) out.push(String(100000 + random.int(900000)))
      else out.push(`${random.pick(common)} ${this.vocabulary[tailStart + random.int(20000)]!}`)
    }
    return out
  }
}
