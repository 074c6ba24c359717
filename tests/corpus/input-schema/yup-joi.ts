// @corpus-rules require-cross-field-validation
import { Body, Controller, Post } from '@nestjs/common';
import Joi from 'joi';
import * as yup from 'yup';
import { date, number, object, ref, string } from 'yup';
import { repo } from './db';

// @expect require-cross-field-validation
export function tournamentSchema() {
  return yup.object({
    name: yup.string().required(),
    startDate: yup.date().required(),
    endDate: yup.date().required(),
    maxPlayers: yup.number().integer().min(2),
  });
}

// @expect none
export function tournamentSchemaChecked() {
  return yup.object({
    name: yup.string().required(),
    startDate: yup.date().required(),
    endDate: yup.date().required().min(yup.ref('startDate'), 'endDate must be after startDate'),
  });
}

// @expect require-cross-field-validation
export function registrationSchema() {
  return object().shape({
    email: string().email().required(),
    password: string().min(12).required(),
    passwordConfirmation: string().required(),
  });
}

// @expect none
export function registrationSchemaChecked() {
  return object().shape({
    email: string().email().required(),
    password: string().min(12).required(),
    passwordConfirmation: string()
      .required()
      .oneOf([ref('password')], 'Passwords must match'),
  });
}

// @expect none
export function priceRangeWithTest() {
  return object({ minPrice: number(), maxPrice: number() }).test(
    'price-range',
    'minPrice must not exceed maxPrice',
    (value) => value.minPrice === undefined || value.maxPrice === undefined || value.minPrice <= value.maxPrice,
  );
}

// @expect require-cross-field-validation
export function priceRange() {
  return object({ minPrice: number().min(0), maxPrice: number().min(0), category: string() });
}

// @expect none
export function availabilityWithWhen() {
  return object({
    availableFrom: date().required(),
    availableTo: date().when('availableFrom', ([from], schema) => (from ? schema.min(from) : schema)),
  });
}

// @expect require-cross-field-validation
export function availability() {
  return object({ availableFrom: date().required(), availableTo: date().required() });
}

// @expect require-cross-field-validation
export function rentalSchema() {
  return Joi.object({
    carId: Joi.string().guid().required(),
    pickupDate: Joi.date().iso().required(),
    startDate: Joi.date().iso().required(),
    endDate: Joi.date().iso().required(),
  });
}

// @expect none
export function rentalSchemaChecked() {
  return Joi.object({
    carId: Joi.string().guid().required(),
    startDate: Joi.date().iso().required(),
    endDate: Joi.date().iso().greater(Joi.ref('startDate')).required(),
  });
}

// @expect require-cross-field-validation
export function accountSchema() {
  return Joi.object().keys({
    username: Joi.string().alphanum().min(3).max(30).required(),
    password: Joi.string().min(12).required(),
    confirmPassword: Joi.string().required(),
  });
}

// @expect none
export function accountSchemaChecked() {
  return Joi.object().keys({
    username: Joi.string().alphanum().min(3).max(30).required(),
    password: Joi.string().min(12).required(),
    confirmPassword: Joi.any().valid(Joi.ref('password')).required(),
  });
}

// @expect require-cross-field-validation
export function quantityRuleSchema() {
  return Joi.object({ sku: Joi.string().required(), minQuantity: Joi.number().integer(), maxQuantity: Joi.number().integer() });
}

// @expect none
export function quantityRuleSchemaChecked() {
  return Joi.object({ sku: Joi.string().required(), minQuantity: Joi.number().integer(), maxQuantity: Joi.number().integer() }).custom(
    (value, helpers) => (value.minQuantity > value.maxQuantity ? helpers.error('any.invalid') : value),
  );
}

@Controller('promotions')
export class PromotionsController {
  // @expect require-cross-field-validation
  @Post()
  async create(@Body() body: unknown) {
    const schema = Joi.object({ code: Joi.string().required(), startsAt: Joi.date().required(), endsAt: Joi.date().required() });
    const value = await schema.validateAsync(body);
    return repo.createPromotion(value);
  }

  // @expect none
  @Post('v2')
  async createChecked(@Body() body: unknown) {
    const schema = Joi.object({
      code: Joi.string().required(),
      startsAt: Joi.date().required(),
      endsAt: Joi.date().min(Joi.ref('startsAt')).required(),
    });
    const value = await schema.validateAsync(body);
    return repo.createPromotion(value);
  }
}

// @expect none
export function contactSchema() {
  return yup.object({ from: yup.string().email().required(), to: yup.string().email().required(), message: yup.string() });
}
