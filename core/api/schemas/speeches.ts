import { z } from 'zod';
import { personSchema } from './addressing';

/**
 * Greeting the guests of a speech (DOMAIN.md B). Persons have exactly the shape
 * `addressing.compose` takes. Without `speaker` the host speaks.
 */
export const greetingInputSchema = z.object({
  speaker: personSchema.optional(),
  host: personSchema.optional(),
  guests: z.array(personSchema).max(500),
});
export type GreetingInput = z.infer<typeof greetingInputSchema>;

/**
 * Stable shape (other tools rely on it): the spoken text, ending with a comma, and the persons
 * greeted in that order — merged groups and the closing group with all their members.
 */
export const greetingSchema = z.object({
  text: z.string(),
  order: z.array(personSchema),
});
export type Greeting = z.infer<typeof greetingSchema>;
